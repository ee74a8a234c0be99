import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

const db = connectTestDatabase();
const api = () => request(testApp(db));

// Nodes without a name are shown as their label and id ("Member 0"; "Node …" without a label): that caption
// is what an analyst types, though no property holds it.
describe('searching for a node by the caption made of its label and id', () => {
  beforeAll(async () => {
    await emptyDatabase(db);
    await loadGraph(db, [
      `UNWIND range(0, 20) AS i CREATE (:Member {id: i})`,
      `CREATE (:Club {id: 'karate', name: 'Karate club'}), ({id: 'loose-7'})`,
    ]);
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When "Member 0" is searched, then the member with id 0 comes first, with the caption typed', async () => {
    const { body } = await api().get('/api/search').query({ q: 'Member 0' }).expect(200);
    expect(body.results[0]).toMatchObject({ id: '0', caption: 'Member 0', labels: ['Member'] });
    const lower = await api().get('/api/search').query({ q: 'member 12' }).expect(200);
    expect(lower.body.results[0]).toMatchObject({ id: '12', caption: 'Member 12' });
  });

  it('When a node without labels is searched by its caption, then it is found', async () => {
    const { body } = await api().get('/api/search').query({ q: 'Node loose-7' }).expect(200);
    expect(body.results[0]).toMatchObject({ id: 'loose-7', caption: 'Node loose-7', labels: [] });
  });

  it('When the label or the filter does not fit the node, then it is not offered', async () => {
    const wrongLabel = await api().get('/api/search').query({ q: 'Club 3' }).expect(200);
    expect(wrongLabel.body.results.map((result: { id: string }) => result.id)).not.toContain('3');
    const filtered = await api().get('/api/search').query({ q: 'Member 3', labels: 'Club' }).expect(200);
    expect(filtered.body.results.map((result: { id: string }) => result.id)).not.toContain('3');
  });
});
