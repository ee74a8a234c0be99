import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeName } from '../../../server/neo4j/names.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

// Someone else's graph: no Source documents, ids that are integers or absent, a label with a space.
const db = connectTestDatabase();
const app = testApp(db);
const api = () => request(app);
const evidence = {
  claim: 'The bank’s own register says so.',
  sources: [{ url: 'https://bank.example/register', title: 'Register', outlet: 'Bank', date: '2024-03-02' }],
};

async function propertiesOf(query: string) {
  const { records } = await db.read(`${query} RETURN properties(x) AS p`);
  return records[0]!.get('p') as Record<string, unknown>;
}

describe('editing a graph Entente does not own', () => {
  beforeAll(async () => {
    await loadGraph(db, [
      `CREATE (a:${escapeName('Bank Account')} {id: 1, owner: 'Ada', opened: date('2020-01-01')}),
              (b:${escapeName('Bank Account')} {owner: 'Bob'}),
              (a)-[:TRANSFER {amount: 10.5}]->(b)`,
    ]);
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When a node is edited, then only the edited property and Entente’s own prefixed bookkeeping are written', async () => {
    const before = await propertiesOf('MATCH (x {id: 1})');
    const { body } = await api()
      .patch('/api/nodes/1')
      .send({ version: 0, properties: { owner: 'Ada Lovelace' }, ...evidence })
      .expect(200);
    expect(body.node.id).toBe('1');
    const after = await propertiesOf('MATCH (x {id: 1})');
    const added = Object.keys(after).filter((key) => !(key in before));
    expect(added.sort()).toEqual([
      '_entente_claim',
      '_entente_id',
      '_entente_lastEdit',
      '_entente_sources',
      '_entente_version',
    ]);
    expect(after.owner).toBe('Ada Lovelace');
    expect(after.opened).toEqual(before.opened);
    // No Source document is made in a graph without that model: the source lives in the history.
    const { records } = await db.read('MATCH (n) RETURN count(n) AS count');
    expect(Number(records[0]!.get('count'))).toBe(2);
    const { body: history } = await api().get('/api/nodes/1/history').expect(200);
    expect(after._entente_sources).toEqual(history.edits[0].sources);
    expect(history.edits[0].sources).toHaveLength(1);
  });

  it('When a node without an id gets a relationship, then both ends are found by their API ids and the new one round-trips', async () => {
    const { records } = await db.read("MATCH (b {owner: 'Bob'}) RETURN elementId(b) AS id");
    const bob = records[0]!.get('id') as string;
    const { body } = await api()
      .post('/api/relationships')
      .send({ type: 'TRANSFER', from: bob, to: '1', properties: { amount: 3 }, since: '2024-03-02', ...evidence })
      .expect(201);
    expect(body.relationship.source).toBe(bob);
    expect(body.relationship.target).toBe('1');
    const { body: history } = await api().get(`/api/relationships/${body.relationship.id}/history`).expect(200);
    expect(history.edits.map((edit: { action: string }) => edit.action)).toEqual(['relationship.create']);
    const { body: made } = await api()
      .post('/api/nodes')
      .send({ labels: ['Bank Account'], properties: { owner: 'Cy' }, ...evidence })
      .expect(201);
    expect((await api().get(`/api/nodes/${made.node.id}`).expect(200)).body.node.properties.owner).toBe('Cy');
  });
});
