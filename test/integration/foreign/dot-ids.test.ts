import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

const db = connectTestDatabase();
const api = () => request(testApp(db));

// URL parsers resolve `.` and `..` path segments (percent-encoded too), so `/api/nodes/..` can never reach a
// node whose id is `..`: such nodes and relationships go by their elementIds instead.
describe('a graph whose ids are dot segments', () => {
  const elementIds = new Map<string, string>();

  beforeAll(async () => {
    await emptyDatabase(db);
    await loadGraph(db, [
      `CREATE (up:Folder {id: '..', name: 'Parent'}), (here:Folder {id: '.', name: 'Here'}),
              (dots:Folder {id: '...', name: 'Ellipsis'}),
              (here)-[:INSIDE {id: '..'}]->(up), (dots)-[:INSIDE {id: 'dots-inside'}]->(up)`,
    ]);
    const { records } = await db.read('MATCH (n:Folder) RETURN n.id AS id, elementId(n) AS elementId');
    for (const record of records) elementIds.set(record.get('id') as string, record.get('elementId') as string);
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When the nodes are read, then `.` and `..` go by their elementIds and every one opens at its id', async () => {
    const ids = [elementIds.get('..')!, elementIds.get('.')!, '...'];
    const { body } = await api().post('/api/subgraph').send({ ids }).expect(200);
    expect(body.nodes.map((node: { id: string }) => node.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const opened = await api()
        .get(`/api/nodes/${encodeURIComponent(id)}`)
        .expect(200);
      expect(opened.body.node.id).toBe(id);
    }
  });

  it('When a relationship has the id `..`, then it goes by its elementId, and one with a usable id by that id', async () => {
    const { body } = await api()
      .get(`/api/nodes/${encodeURIComponent(elementIds.get('..')!)}/neighbours`)
      .expect(200);
    const edgeIds = body.edges.map((edge: { id: string }) => edge.id);
    expect(edgeIds).toContain('dots-inside');
    expect(edgeIds).not.toContain('..');
    const other = edgeIds.find((id: string) => id !== 'dots-inside');
    await api()
      .get(`/api/relationships/${encodeURIComponent(other)}`)
      .expect(200);
  });
});
