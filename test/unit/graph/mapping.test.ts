import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { NodeIdentity } from '../../../server/graph/identity.js';
import { GraphBuilder, toApiNode, toJson } from '../../../server/graph/mapping.js';

const { Node, Relationship, Path, PathSegment, Date: CypherDate, DateTime } = neo4j.types;

const company = new Node(neo4j.int(1), ['Company'], { id: 'acme', name: 'Acme', founded: neo4j.int(1999) }, '4:x:1');
const person = new Node(neo4j.int(2), ['Person'], { title: 'Dr Who' }, '4:x:2');
const anonymous = new Node(neo4j.int(3), ['Thing'], { weight: 2.5 }, '4:x:3');
const identity = new NodeIdentity();
const employs = new Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'EMPLOYS', {}, '5:x:7', '4:x:1', '4:x:2');

describe('toJson', () => {
  it('When values are Neo4j integers and temporals, then they become JSON numbers and ISO strings', () => {
    expect(
      toJson({
        count: neo4j.int(42),
        huge: neo4j.int('9007199254740993'),
        day: new CypherDate(2024, 7, 1),
        at: new DateTime(2024, 7, 1, 12, 30, 0, 0, 0),
        list: [neo4j.int(1), 'a', null],
      }),
    ).toEqual({
      count: 42,
      huge: '9007199254740993',
      day: '2024-07-01',
      at: '2024-07-01T12:30:00Z',
      list: [1, 'a', null],
    });
  });
});

describe('toApiNode', () => {
  it('When a node has an id property, then that is its id and its name the caption', () => {
    expect(toApiNode(company, identity)).toEqual({
      id: 'acme',
      labels: ['Company'],
      caption: 'Acme',
      properties: { id: 'acme', name: 'Acme', founded: 1999 },
    });
  });

  it('When a node has no id or name, then its elementId is the id and the caption falls back', () => {
    expect(toApiNode(person, identity)).toMatchObject({ id: '4:x:2', caption: 'Dr Who' });
    expect(toApiNode(anonymous, identity)).toMatchObject({ id: '4:x:3', caption: 'Thing 4:x:3' });
  });
});

describe('GraphBuilder', () => {
  it('When the same node and relationship arrive several times, then each is kept once with API ids as ends', () => {
    const path = new Path(company, person, [new PathSegment(company, employs, person)]);
    const graph = new GraphBuilder(identity).addAny([company, { nested: [employs, path] }, person]).build();
    expect(graph.nodes.map((node) => node.id)).toEqual(['acme', '4:x:2']);
    expect(graph.edges).toEqual([{ id: '5:x:7', type: 'EMPLOYS', source: 'acme', target: '4:x:2', properties: {} }]);
  });

  it('When a relationship arrives without its nodes, then its missing ends are reported', () => {
    const builder = new GraphBuilder(identity).addRelationship(employs).addNode(company);
    expect(builder.missingEndpoints()).toEqual(['4:x:2']);
  });
});
