import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

const db = connectTestDatabase();
const api = () => request(testApp(db));

// A podcast graph where MENTIONED_IN is the story itself (a guest mentioned in an episode), not the default
// dataset's provenance (a fact's node mentioned in a Source document).
const podcast = [
  `CREATE (ada:Guest {id: 'ada', name: 'Ada'}), (bob:Guest {id: 'bob', name: 'Bob'}),
          (e1:Episode {id: 'e1', name: 'Episode 1'})
   CREATE (ada)-[:MENTIONED_IN {since: date('2024-02-01')}]->(e1)
   CREATE (bob)-[:MENTIONED_IN {since: date('2024-03-01')}]->(e1)`,
];

describe("the default dataset's defaults on a graph that only shares a type name with it", () => {
  beforeAll(async () => {
    await loadGraph(db, podcast);
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When paths and changes are asked without exclusions, then MENTIONED_IN is a step and a change like any type', async () => {
    const paths = await api().get('/api/paths').query({ from: 'ada', to: 'bob' }).expect(200);
    expect(paths.body.paths[0].edges.map((edge: { type: string }) => edge.type)).toEqual([
      'MENTIONED_IN',
      'MENTIONED_IN',
    ]);
    const changes = await api().get('/api/changes').query({ from: '2024-01-01', to: '2024-12-31' }).expect(200);
    expect(changes.body.changes).toHaveLength(2);
  }, 90_000);

  it('When the graph has the default model (MENTIONED_IN to Source documents), then it is left out as before', async () => {
    await db.write(`CREATE (:Source {id: 's1', name: 'A report'})`);
    await db.write(`MATCH (e:Episode), (s:Source) CREATE (e)-[:CITES]->(s)`);
    await db.write(`MATCH (:Guest)-[r:MENTIONED_IN]->() DELETE r`);
    await db.write(`MATCH (g:Guest), (s:Source) CREATE (g)-[:MENTIONED_IN {since: date('2024-04-01')}]->(s)`);
    const paths = await api().get('/api/paths').query({ from: 'ada', to: 'bob' }).expect(200);
    expect(paths.body.paths).toEqual([]);
    const changes = await api().get('/api/changes').query({ from: '2024-01-01', to: '2024-12-31' }).expect(200);
    expect(changes.body.changes).toEqual([]);
  }, 90_000);
});
