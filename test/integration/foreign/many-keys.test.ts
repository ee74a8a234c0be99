import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { loadGraph, emptyDatabase } from '../../support/graphs.js';

const items = 5_000;

// Looking many nodes up at once, on a graph of indexed string ids, integer ids up to 64 bits, a TEXT index
// and an unindexed label: the lookup's memory must not grow with the square of the keys.
describe('a lookup of thousands of keys', () => {
  const db = connectTestDatabase();
  let api: () => ReturnType<typeof request>;

  beforeAll(async () => {
    await loadGraph(db, [
      'CREATE INDEX FOR (n:Item) ON (n.id)',
      'CREATE TEXT INDEX FOR (n:Tag) ON (n.id)',
      `UNWIND range(0, ${items - 1}) AS i CREATE (:Item {id: 'item-' + i, name: 'Item ' + i})`,
      "UNWIND range(0, 9) AS i CREATE (:Tag {id: 'tag-' + i, name: 'Tag ' + i})",
      "CREATE (:Big {id: 1234567890123456789, name: 'Nineteen digits'}), (:Plain {id: 'plain', name: 'No index'})",
      "MATCH (a:Item {id: 'item-1'}), (b:Item {id: 'item-2'}) CREATE (a)-[:NEXT]->(b)",
      'CALL db.awaitIndexes(60)',
    ]);
    api = () => request(testApp(db));
  }, 240_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When a subgraph is asked with 10,000 ids beside it (half unknown), then it answers with what exists', async () => {
    const held = Array.from({ length: 10_000 }, (_, i) => (i < items ? `item-${i}` : `${i}`));
    const { body } = await api()
      .post('/api/subgraph')
      .send({ ids: ['item-1', 'tag-3', 'plain', '404'], with: held })
      .expect(200);
    expect(body.nodes.map((node: { id: string }) => node.id).sort()).toEqual(['item-1', 'plain', 'tag-3']);
    expect(body.meta.missing).toEqual(['404']);
    expect(body.edges).toHaveLength(1);
  });

  it('When an id is an integer of 19 digits, then the API id it lists opens the node', async () => {
    const { body } = await api().get('/api/nodes/1234567890123456789').expect(200);
    expect(body.node.caption).toBe('Nineteen digits');
  });

  it("When a saved query's elementId is looked up beside an unindexed id, then the id still finds its node", async () => {
    const { records } = await db.write(
      "CREATE (q:_EntenteSavedQuery {id: 'plain', name: 'x', query: 'RETURN 1', version: 1}) RETURN elementId(q) AS id",
    );
    try {
      const { body } = await api()
        .post('/api/subgraph')
        .send({ ids: [records[0]!.get('id') as string, 'plain'] })
        .expect(200);
      expect(body.nodes.map((node: { caption: string }) => node.caption)).toEqual(['No index']);
    } finally {
      await db.write('MATCH (q:_EntenteSavedQuery) DELETE q');
    }
  });
});
