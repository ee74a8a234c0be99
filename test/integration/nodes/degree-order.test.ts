import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../../server/graph/catalog.js';
import { degreeOrderIndex, writeDegreeOrder } from '../../../server/nodes/degree-order.js';
import { readNeighbours, type NeighbourFilter } from '../../../server/nodes/nodes.queries.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

// A line break in the label: a name filled into a comment would end it.
const label = 'Nœud\ndense';
const leaves = 5_000;

// A hub of 5,000 leaves whose degrees repeat (ties), some leaves linked to it twice or both ways, a
// self-loop, and a second hub it is linked to both ways: the pages read in the stored degree order must be
// the pages counted, relationship for relationship.
describe('a neighbours page read in the stored degree order', () => {
  const db = connectTestDatabase();
  const catalog = new Catalog(db);

  /** The page as the counted query defines it, straight from the graph. */
  async function countedPage(id: string, filter: Partial<NeighbourFilter>): Promise<string[]> {
    const arrow = filter.direction === 'out' ? ['-', '->'] : filter.direction === 'in' ? ['<-', '-'] : ['-', '-'];
    const { records } = await db.read(
      `MATCH (n {id: $id})${arrow[0]}[r${filter.types?.length ? ':' + filter.types.join('|') : ''}]${arrow[1]}(m)
       WITH r, COUNT { (m)--() } AS degree ORDER BY degree DESC, elementId(r) SKIP $skip LIMIT $limit
       RETURN collect(elementId(r)) AS page`,
      { id, skip: neo4j.int(filter.skip ?? 0), limit: neo4j.int(filter.limit ?? 50) },
    );
    return records[0]!.get('page') as string[];
  }

  async function page(id: string, filter: Partial<NeighbourFilter> = {}) {
    catalog.invalidate();
    const answer = await readNeighbours(db, catalog, id, {
      types: [],
      labels: [],
      direction: 'both',
      limit: 50,
      skip: 0,
      asOf: null,
      dating: {},
      ...filter,
    });
    return { order: answer!.order, page: answer!.relationships.map((relationship) => relationship.elementId) };
  }

  beforeAll(async () => {
    const node = `\`${label}\``;
    await loadGraph(db, [
      `CREATE INDEX FOR (n:${node}) ON (n.id)`,
      `CREATE (:${node} {id: 'hub'}), (:${node} {id: 'other'})`,
      `UNWIND range(0, 19) AS i CREATE (:${node} {id: 'satellite-' + i})`,
      // Leaf i has i % 9 satellites: nine degrees, each shared by hundreds of leaves.
      `MATCH (hub:${node} {id: 'hub'})
       UNWIND range(0, ${leaves - 1}) AS i
       CREATE (leaf:${node} {id: 'leaf-' + i})
       CREATE (hub)-[:LINKS]->(leaf)
       WITH leaf, i
       MATCH (satellite:${node}) WHERE satellite.id IN [s IN range(0, i % 9 - 1) | 'satellite-' + s]
       CREATE (leaf)-[:ORBITS]->(satellite)`,
      `MATCH (hub:${node} {id: 'hub'}), (leaf:${node}) WHERE leaf.id IN ['leaf-1', 'leaf-8', 'leaf-17']
       CREATE (leaf)-[:LINKS]->(hub), (hub)-[:FUNDS]->(leaf)`,
      `MATCH (hub:${node} {id: 'hub'}), (other:${node} {id: 'other'})
       CREATE (hub)-[:LINKS]->(hub), (hub)-[:LINKS]->(other), (other)-[:LINKS]->(hub)
       WITH other MATCH (leaf:${node}) WHERE leaf.id STARTS WITH 'leaf-' AND toInteger(substring(leaf.id, 5)) < 2000
       CREATE (other)-[:LINKS]->(leaf)`,
      // An index of the order's name left on another label: the order replaces it.
      `CREATE INDEX ${degreeOrderIndex} FOR (n:Elsewhere) ON (n._entente_degree)`,
      'CALL db.awaitIndexes(60)',
    ]);
    await writeDegreeOrder(db, label);
  }, 240_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When a busy node is paged, then the stored order answers each shallow page as counting would', async () => {
    for (const filter of [
      {},
      { skip: 100 },
      { direction: 'out' as const },
      { limit: 7, skip: 3 },
      { types: ['LINKS'] },
    ]) {
      const answer = await page('hub', filter);
      expect(answer.order, JSON.stringify(filter)).toBe('stored');
      expect(answer.page, JSON.stringify(filter)).toEqual(await countedPage('hub', filter));
    }
  });

  it('When a page lies deep, or the node is ordinary or has none, then it is counted, in the same order', async () => {
    for (const [id, filter] of [
      ['hub', { skip: 3_000 }],
      ['hub', { direction: 'in' as const }],
      ['leaf-8', {}],
      ['satellite-0', { direction: 'out' as const }],
    ] as const) {
      const answer = await page(id, filter);
      expect(answer.order, `${id} ${JSON.stringify(filter)}`).toBe('counted');
      expect(answer.page, `${id} ${JSON.stringify(filter)}`).toEqual(await countedPage(id, filter));
    }
  });

  it('When relationships are written after the order, then pages are counted until it is written again', async () => {
    // A leaf far down the order gains enough relationships to lead it: the stored order no longer knows.
    await db.write(
      `MATCH (leaf:\`${label}\` {id: 'leaf-4000'}), (satellite:\`${label}\`) WHERE satellite.id STARTS WITH 'satellite-'
       CREATE (leaf)-[:ORBITS]->(satellite), (leaf)-[:FUNDS]->(satellite)`,
    );
    const stale = await page('hub');
    expect(stale.order).toBe('counted');
    expect(stale.page).toEqual(await countedPage('hub', {}));

    await writeDegreeOrder(db, label);
    const rewritten = await page('hub');
    expect(rewritten.order).toBe('stored');
    expect(rewritten.page).toEqual(stale.page);
  });

  it('When a write keeps the relationship count but moves a walked node, then the page is counted again', async () => {
    // Nine relationships reach past leaf-8 and leaf-17 (degree 12, three relationships to the hub each) into
    // the leaves of degree 10. leaf-17 drops to 9 while two far leaves gain as many: the count is the same,
    // and the nodes the walk met no longer hold the page.
    const first = await page('hub', { limit: 9 });
    expect(first.order).toBe('stored');
    await db.write(
      `MATCH (:\`${label}\` {id: 'leaf-17'})-[orbit:ORBITS]->() WITH orbit LIMIT 3 DELETE orbit
       WITH count(*) AS deleted
       MATCH (a:\`${label}\` {id: 'leaf-4001'}), (b:\`${label}\` {id: 'leaf-4002'})
       CREATE (a)-[:ORBITS]->(b), (a)-[:ORBITS]->(b), (b)-[:ORBITS]->(a)`,
    );
    const answer = await page('hub', { limit: 9 });
    expect(answer.order).toBe('counted');
    expect(answer.page).toEqual(await countedPage('hub', { limit: 9 }));
    expect(answer.page).not.toEqual(first.page);
    await writeDegreeOrder(db, label);
  });

  it('When a neighbour leaves the label, then the page is counted and still lists it', async () => {
    // A relabelled node touches no relationship: the label's node count tells the order it no longer holds.
    await db.write(`MATCH (leaf:\`${label}\` {id: 'leaf-17'}) REMOVE leaf:\`${label}\` SET leaf:Moved`);
    const answer = await page('hub', { limit: 9 });
    expect(answer.order).toBe('counted');
    expect(answer.page).toEqual(await countedPage('hub', { limit: 9 }));
    await db.write(`MATCH (leaf:Moved {id: 'leaf-17'}) REMOVE leaf:Moved SET leaf:\`${label}\``);
  });

  it('When the label has neighbours outside it, then no order is stored', async () => {
    await db.write(`MATCH (hub:\`${label}\` {id: 'hub'}) CREATE (hub)-[:LINKS]->(:Elsewhere)`);
    await expect(writeDegreeOrder(db, label)).rejects.toThrow(/neighbours outside it/);
  });
});
