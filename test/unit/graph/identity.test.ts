import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { idPropertyCandidates, NodeIdentity } from '../../../server/graph/identity.js';

const node = (id: unknown, elementId = '4:ab12:7') => new neo4j.types.Node(neo4j.int(7), ['X'], { id }, elementId);

describe('NodeIdentity', () => {
  const identity = new NodeIdentity(new Set(['1']));

  it.each([
    ['a string id', 'acme', 'acme'],
    ['an integer id', neo4j.int(3), '3'],
    ['an integer beyond 2^53', neo4j.int('9007199254740993'), '9007199254740993'],
    ['a float id', 1.5, '4:ab12:7'],
    ['an empty id', '', '4:ab12:7'],
    ['a list id', ['a'], '4:ab12:7'],
    ['no id', undefined, '4:ab12:7'],
    ['an id another node shares', neo4j.int(1), '4:ab12:7'],
    ['an id that reads like an elementId', '4:ab12:9', '4:ab12:7'],
    ['the id "..", which no URL path can carry', '..', '4:ab12:7'],
    ['the id "."', '.', '4:ab12:7'],
    ['an id of three dots, which a URL path carries', '...', '...'],
  ])('When a node has %s, then its key is %j', (_what, id, key) => {
    expect(identity.keyOf(node(id))).toBe(key);
  });

  it('When every id is shared (too many to list), then every node goes by its elementId', () => {
    expect(new NodeIdentity(new Set(), true).keyOf(node('acme'))).toBe('4:ab12:7');
  });

  it('When a key is written in digits within 64 bits, then it may stand for the string or the integer', () => {
    expect(idPropertyCandidates('42')).toEqual(['42', neo4j.int(42)]);
    expect(idPropertyCandidates('1234567890123456789')).toEqual([
      '1234567890123456789',
      neo4j.int('1234567890123456789'),
    ]);
    expect(idPropertyCandidates('-9223372036854775808')).toEqual([
      '-9223372036854775808',
      neo4j.int('-9223372036854775808'),
    ]);
    expect(idPropertyCandidates('9223372036854775808')).toEqual(['9223372036854775808']);
    expect(idPropertyCandidates('acme')).toEqual(['acme']);
  });
});
