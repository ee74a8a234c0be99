import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

const db = connectTestDatabase();

// A link to a graph whose nodes had no `id` holds their elementIds. Once that graph is deleted and another
// loaded, Neo4j may give those elementIds to new nodes that go by an `id` of their own.
describe('a shared link opened after the database changed', () => {
  let elementIds: string[];

  beforeAll(async () => {
    await loadGraph(db, [
      "UNWIND range(1, 3) AS i CREATE (:Passenger {id: 'passenger-' + i, name: 'Passenger ' + i})",
      "CREATE (:Movie {title: 'The Matrix'})",
    ]);
    const { records } = await db.read('MATCH (n) RETURN elementId(n) AS id ORDER BY id');
    elementIds = records.map((record) => record.get('id') as string);
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When the link names nodes by elementIds that now belong to nodes going by another id, then they count as gone', async () => {
    const { body } = await request(testApp(db)).post('/api/subgraph').send({ ids: elementIds }).expect(200);
    // Only the Movie still goes by its elementId; the Passengers go by `passenger-…`.
    expect(body.nodes.map((node: { caption: string }) => node.caption)).toEqual(['The Matrix']);
    expect(body.meta.missing).toHaveLength(3);
    const byOwnIds = await request(testApp(db))
      .post('/api/subgraph')
      .send({ ids: ['passenger-1', 'passenger-2'] })
      .expect(200);
    expect(byOwnIds.body.nodes).toHaveLength(2);
  });
});
