import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase } from '../../support/graphs.js';

const labels = 2_000;
const types = 500;
const keys = 1_000;

// A database with thousands of labels, relationship types and property keys, and an index on `id` for
// hundreds of labels: every route must answer within its time, never with a 5xx.
describe('a database with thousands of labels, types and property keys', () => {
  const db = connectTestDatabase();
  let api: () => ReturnType<typeof request>;

  beforeAll(async () => {
    await emptyDatabase(db);
    await db.write(
      `UNWIND range(0, $labels - 1) AS i
       CALL (i) { CREATE (n:$('Label ' + i) {id: 'n' + i, name: 'Node ' + i}) }`,
      { labels },
    );
    await db.write(
      `UNWIND range(0, $types - 1) AS i
       MATCH (a {id: 'n' + i}), (b {id: 'n' + (i + 1)})
       CALL (a, b, i) { CREATE (a)-[:$('TYPE_' + i)]->(b) }`,
      { types },
    );
    await db.write(`MATCH (n {id: 'n0'}) UNWIND range(0, $keys - 1) AS k CALL (n, k) { SET n['key' + k] = k }`, {
      keys,
    });
    for (let i = 0; i < 300; i++) await db.write(`CREATE INDEX FOR (n:\`Label ${i}\`) ON (n.id)`);
    await db.write('CALL db.awaitIndexes(120)');
    api = () => request(testApp(db));
  }, 600_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it.each([
    '/api/schema',
    '/api/search?q=Node%201999',
    '/api/nodes/n0',
    '/api/nodes/n250/relationships',
    '/api/nodes/n250/neighbours',
    '/api/nodes/n250/neighbours?asOf=2020-01-01',
    '/api/paths?from=n0&to=n5',
    '/api/queries',
  ])('When %s is asked, then it answers 200', async (path) => {
    const response = await api().get(path);
    expect(response.status, response.text.slice(0, 300)).toBe(200);
  });

  it('When a subgraph of 1,000 of its nodes is asked, then every one comes back', async () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => `n${i}`);
    const { body } = await api().post('/api/subgraph').send({ ids }).expect(200);
    expect(body.nodes).toHaveLength(1_000);
    expect(body.meta.missing).toEqual([]);
  });

  it('When the node with 1,000 properties is read, then all are there', async () => {
    const { body } = await api().get('/api/nodes/n0').expect(200);
    expect(Object.keys(body.node.properties).length).toBe(keys + 2);
  });
});
