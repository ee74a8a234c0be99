import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { objectNames, protoGraph } from '../../support/foreign-graphs.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

const db = connectTestDatabase();
const api = () => request(testApp(db));

// Every id of the graph is one of JavaScript's own names, and so is each label, type and some keys.
describe('a graph whose labels, types, keys and ids are named __proto__, constructor, toString…', () => {
  beforeAll(async () => {
    await loadGraph(db, protoGraph);
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When the schema is read, then every name is listed with its count', async () => {
    const { body } = await api().get('/api/schema').expect(200);
    const count = (list: { name: string; count: number }[], name: string) => list.find((e) => e.name === name)?.count;
    for (const name of objectNames) {
      expect(count(body.labels, name), name).toBe(1);
      expect(count(body.relationshipTypes, name), name).toBe(1);
    }
  });

  it('When each node is opened, its menu read and its neighbours expanded, then ids, labels and keys are its own', async () => {
    const idsToLabels = { constructor: '__proto__', __proto__: 'constructor', valueOf: 'toString' };
    for (const [id, label] of Object.entries(idsToLabels)) {
      const { body } = await api().get(`/api/nodes/${id}`).expect(200);
      expect(body.node.id).toBe(id);
      expect(body.node.labels).toEqual([label]);
    }
    const proto = (await api().get('/api/nodes/constructor').expect(200)).body.node;
    expect(Object.hasOwn(proto.properties, '__proto__')).toBe(true);
    expect(proto.properties.__proto__).toBe('own proto');
    expect(proto.properties.toString).toBe('ts');
    const menu = (await api().get('/api/nodes/constructor/relationships').expect(200)).body.relationships;
    expect(menu).toEqual(
      expect.arrayContaining([
        { type: '__proto__', direction: 'out', count: 1 },
        { type: 'hasOwnProperty', direction: 'in', count: 1 },
      ]),
    );
    const page = await api().get('/api/nodes/constructor/neighbours').query({ types: '__proto__' }).expect(200);
    expect(page.body.nodes.map((node: { id: string }) => node.id).sort()).toEqual(['__proto__', 'constructor']);
    expect(page.body.edges.map((edge: { type: string }) => edge.type)).toEqual(['__proto__']);
  });

  it('When searched, a path asked, a subgraph read and changes listed, dated by these names, then each answers with them', async () => {
    const search = await api().get('/api/search').query({ q: 'constructor beta' }).expect(200);
    expect(search.body.results[0].id).toBe('__proto__');
    const dating = JSON.stringify(objectNames.map((name) => ({ name, start: 'at' })));
    const pathTypes = async (asOf: string) =>
      (
        await api().get('/api/paths').query({ from: 'constructor', to: '__proto__', asOf, dating }).expect(200)
      ).body.paths[0].edges.map((edge: { type: string }) => edge.type);
    expect(await pathTypes('2025-01-01')).toEqual(['__proto__']);
    // Before 2020 the __proto__ relationship had not begun (dated by its `at`): the path goes round by Object.
    expect(await pathTypes('2019-06-01')).toEqual(['HAS', 'HAS']);
    const subgraph = await api()
      .post('/api/subgraph')
      .send({
        ids: ['constructor', '__proto__', 'valueOf', 'hasOwnProperty', 'toString'],
        asOf: '2021-06-01',
        dating: objectNames.map((name) => ({ name, start: 'at' })),
      })
      .expect(200);
    expect(subgraph.body.edges.map((edge: { type: string }) => edge.type).sort()).toEqual(['__proto__', 'constructor']);
    const changes = await api().get('/api/changes').query({ from: '2020-06-01', to: '2023-06-01', dating }).expect(200);
    expect(changes.body.changes.map((change: { date: string }) => change.date)).toEqual([
      '2021-01-01',
      '2022-01-01',
      '2023-01-01',
    ]);
  });
});
