import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeName } from '../../../server/neo4j/names.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

// Names that Cypher would read as escapes if written out naively: a Windows folder (\u followed by "sers"
// is not a valid escape), a backslash before u, and a literal \u0060 (an escaped backtick).
const folderType = 'C:\\users';
const userLabel = 'Dir\\user';
const tickLabel = 'Tick \\u0060 label';

const db = connectTestDatabase();
const api = () => request(testApp(db));

describe('a graph whose label and type names hold backslashes and \\u sequences', () => {
  beforeAll(async () => {
    await emptyDatabase(db);
    await loadGraph(db, [
      `CREATE (a:${escapeName(userLabel)} {id: 'alice', name: 'Alice'}),
              (b:${escapeName(tickLabel)} {id: 'bob', name: 'Bob'}),
              (c:Plain {id: 'carol', name: 'Carol'}),
              (a)-[:${escapeName(folderType)}]->(b),
              (b)-[:KNOWS]->(c)`,
    ]);
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When the schema is read, then the names come back exactly as stored', async () => {
    const { body } = await api().get('/api/schema').expect(200);
    const labels = body.labels.map((label: { name: string }) => label.name);
    expect(labels).toEqual(expect.arrayContaining([userLabel, tickLabel, 'Plain']));
    expect(body.relationshipTypes.map((type: { name: string }) => type.name)).toContain(folderType);
  });

  it('When each node is opened and its relationships counted, then every route answers (no 400 from a name)', async () => {
    for (const id of ['alice', 'bob', 'carol']) {
      const { body } = await api().get(`/api/nodes/${id}`).expect(200);
      expect(body.node.id).toBe(id);
      await api().get(`/api/nodes/${id}/relationships`).expect(200);
    }
    const { body } = await api().get('/api/nodes/alice/relationships').expect(200);
    expect(body.relationships).toContainEqual({ type: folderType, direction: 'out', count: 1 });
  });

  it('When neighbours are filtered by those very names, then the right neighbour comes back', async () => {
    const byType = await api().get('/api/nodes/alice/neighbours').query({ types: folderType }).expect(200);
    expect(byType.body.nodes.map((node: { id: string }) => node.id)).toContain('bob');
    const byLabel = await api().get('/api/nodes/carol/neighbours').query({ labels: tickLabel }).expect(200);
    expect(byLabel.body.nodes.map((node: { id: string }) => node.id)).toEqual(expect.arrayContaining(['bob']));
  });

  it('When a path is asked across them and search is filtered by a label, then both answer', async () => {
    const { body } = await api().get('/api/paths').query({ from: 'alice', to: 'carol' }).expect(200);
    expect(body.paths[0].edges.map((edge: { type: string }) => edge.type)).toEqual([folderType, 'KNOWS']);
    const search = await api().get('/api/search').query({ q: 'alice', labels: userLabel }).expect(200);
    expect(search.body.results.map((hit: { id: string }) => hit.id)).toEqual(['alice']);
  });
});
