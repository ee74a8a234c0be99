import { afterAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../../server/accounts/caller.js';
import { createLogger } from '../../../server/logger.js';
import { migrateGraphSavedQueries } from '../../../server/queries/queries.store.js';
import { problem, useApi } from '../../support/api.js';
import { testStore } from '../../support/store.js';

// Single-user mode (no ENTENTE_AUTH): the caller is the local admin; roles are tested in test/integration/accounts.
const context = useApi();
const api = () => context.api();
const store = testStore();

afterAll(() => store.rows("DELETE FROM saved_queries WHERE id LIKE 'test-%'"));

describe('shipped saved queries', () => {
  // Values for the generic queries' parameters that have no default, on the default dataset.
  const picked: Record<string, Record<string, unknown>> = {
    'as-of': { node: 'microsoft' },
    'shortest-paths': { from: 'google', to: 'microsoft' },
    'most-connected': { label: 'Company' },
    'neighbours-by-type': { node: 'openai', type: 'PARTY_TO' },
    'property-matches': { label: 'Company', key: 'name', value: 'Oracle' },
    'label-connections': { from: 'Company', to: 'Project' },
  };

  it('When listed, then at least eight come with names, descriptions and typed parameters', async () => {
    const { body } = await api().get('/api/queries').expect(200);
    const shipped = body.queries.filter((query: { origin: string }) => query.origin === 'shipped');
    expect(shipped.length).toBeGreaterThanOrEqual(8);
    for (const query of shipped) {
      expect(query.name).toBeTruthy();
      expect(query.description).toBeTruthy();
      expect(query.query).toBeUndefined();
    }
    const timeline = shipped.find((query: { id: string }) => query.id === 'company-timeline');
    expect(shipped.map((query: { id: string }) => query.id)).toEqual(expect.arrayContaining(Object.keys(picked)));
    expect(timeline.parameters.map((parameter: { type: string }) => parameter.type)).toEqual([
      'nodeId',
      'date',
      'date',
    ]);
  });

  it('When every shipped query is run with its defaults (and picked nodes or names), then each returns rows', async () => {
    const { body } = await api().get('/api/queries').expect(200);
    for (const query of body.queries.filter((q: { origin: string }) => q.origin === 'shipped')) {
      const response = await api()
        .post(`/api/queries/${query.id}/run`)
        .send({ params: picked[query.id] ?? {} });
      expect({ id: query.id, status: response.status }).toEqual({ id: query.id, status: 200 });
      expect(response.body.rows.length, query.id).toBeGreaterThan(0);
    }
  });

  it('When "Figures the documents disagree on" is run, then it lists conflict groups version by version, not payments of different years', async () => {
    const { body } = await api().post('/api/queries/disputed-figures/run').send({}).expect(200);
    const column = (name: string) => body.rows.map((row: unknown[]) => row[body.columns.indexOf(name)]);
    // The stake figures are positions and the two revenue shares compatible: neither is a disagreement.
    expect(new Set(column('fact'))).toEqual(new Set(['microsoft-total-investment']));
    const investment = body.rows.filter(
      (row: unknown[]) => row[body.columns.indexOf('fact')] === 'microsoft-total-investment',
    );
    expect(investment.length).toBeGreaterThanOrEqual(2);
    const figures = investment.flatMap((row: unknown[]) => row[body.columns.indexOf('figures')] as object[]);
    expect(figures).toEqual(
      expect.arrayContaining([
        { figure: 'amountUsd', value: 13e9 },
        { figure: 'amountUsd', value: 14e9 },
      ]),
    );
    expect(body.graph.edges.map((edge: { type: string }) => edge.type)).not.toContain('PAID_REVENUE_SHARE_TO');
    for (const sources of column('sources')) expect((sources as string[]).length).toBeGreaterThan(0);
  });

  it('When one is fetched, then its Cypher comes with it', async () => {
    const { body } = await api().get('/api/queries/investments').expect(200);
    expect(body.query).toMatch(/^MATCH/);
    expect(problem(await api().get('/api/queries/no-such-query').expect(404)).status).toBe(404);
  });

  it('When run with parameters, then the result has rows and a graph', async () => {
    const { body } = await api()
      .post('/api/queries/investments/run')
      .send({ params: { minAmountUsd: 13_500_000_000 } })
      .expect(200);
    expect(body.columns).toContain('amountUsd');
    expect(body.rows.map((row: unknown[]) => row[body.columns.indexOf('amountUsd')])).toEqual([14e9]);
    expect(body.graph.edges).toHaveLength(1);
  });

  it('When run with defaults, then declared defaults fill the parameters (dates included)', async () => {
    const { body } = await api().post('/api/queries/company-timeline/run').send({}).expect(200);
    const dates = body.rows.map((row: unknown[]) => row[body.columns.indexOf('date')]);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toContain('2023-11-01');
  });

  it.each([
    [{ minAmountUsd: 'lots' }, 'body.params.minAmountUsd'],
    [{ colour: 'red' }, 'body.params'],
    [{ company: 'no-such-company' }, 'body.params.company'],
  ])('When parameters are %j, then it is a 400 naming %s', async (params, location) => {
    const id = 'company' in params ? 'company-deals' : 'investments';
    const response = await api().post(`/api/queries/${id}/run`).send({ params }).expect(400);
    expect(problem(response).detail.startsWith(location)).toBe(true);
  });

  it('When a shipped query is changed or deleted, then it is a 409', async () => {
    const update = { name: 'x', query: 'RETURN 1', version: 1 };
    expect(problem(await api().put('/api/queries/investments').send(update).expect(409)).status).toBe(409);
    expect(problem(await api().delete('/api/queries/investments?version=1').expect(409)).status).toBe(409);
  });
});

describe("users' saved queries", () => {
  const draft = {
    id: 'test-big-deals',
    name: 'Big deals',
    description: 'Deals above an amount',
    query: 'MATCH (d:Deal) WHERE d.amountUsd >= $min RETURN d.name AS name ORDER BY name',
    parameters: [{ name: 'min', type: 'number', default: 1e9 }],
  };

  it('When a query saved before defaults were checked has a bad one, then it is listed and a run names it in a 400', async () => {
    await store.rows(
      "INSERT INTO saved_queries (id, name, query, parameters) VALUES ('test-old-default', 'Old', 'RETURN $since AS since', $1)",
      [JSON.stringify([{ name: 'since', type: 'date', default: '2024-13-45' }])],
    );
    try {
      const { body } = await context.api().get('/api/queries').expect(200);
      expect(body.queries.map((query: { id: string }) => query.id)).toContain('test-old-default');
      const run = await context.api().post('/api/queries/test-old-default/run').send({}).expect(400);
      expect(problem(run).detail).toMatch(/^body\.params\.since/);
      await context
        .api()
        .post('/api/queries/test-old-default/run')
        .send({ params: { since: '2024-01-31' } })
        .expect(200);
    } finally {
      await store.rows("DELETE FROM saved_queries WHERE id = 'test-old-default'");
    }
  });

  it('When a parameter is declared with a default that is not of its type, then saving it is a 400 naming it', async () => {
    const response = await context
      .api()
      .post('/api/queries')

      .send({
        id: 'test-bad-default',
        name: 'Bad default',
        query: 'RETURN $since AS since',
        parameters: [{ name: 'since', type: 'date', default: 'next week' }],
      })
      .expect(400);
    expect(problem(response).detail).toMatch(/^body\.parameters\.0\.default/);
  });

  it('When created, changed and deleted at the current version, then each step succeeds and versions advance', async () => {
    const created = await api().post('/api/queries').send(draft).expect(201);
    expect(created.body).toMatchObject({ id: draft.id, origin: 'user', version: 1 });
    expect(problem(await api().post('/api/queries').send(draft).expect(409)).detail).toMatch(/exists/);

    const run = await api()
      .post(`/api/queries/${draft.id}/run`)
      .send({ params: { min: 5e9 } })
      .expect(200);
    expect(run.body.rows).toEqual([["Microsoft's $10 billion multi-year investment (2023)"]]);

    const changed = await api()
      .put(`/api/queries/${draft.id}`)

      .send({ ...draft, id: undefined, name: 'Big deals (renamed)', version: 1 })
      .expect(200);
    expect(changed.body).toMatchObject({ name: 'Big deals (renamed)', version: 2 });

    const stale = await api()
      .put(`/api/queries/${draft.id}`)

      .send({ ...draft, id: undefined, name: 'Lost update', version: 1 })
      .expect(409);
    expect(problem(stale).detail).toMatch(/version 2/);
    expect((await api().get(`/api/queries/${draft.id}`).expect(200)).body.name).toBe('Big deals (renamed)');

    expect((await api().delete(`/api/queries/${draft.id}?version=1`)).status).toBe(409);
    await api().delete(`/api/queries/${draft.id}?version=2`).expect(200);
    await api().get(`/api/queries/${draft.id}`).expect(404);
  });

  it('When parameters are named toString, constructor and __proto__, then they are saved, defaulted and run like any other', async () => {
    await api()
      .post('/api/queries')
      .send({
        id: 'test-inherited-names',
        name: 'Inherited names',
        query: 'RETURN $toString AS a, $constructor AS b, $__proto__ AS c, $hasOwnProperty AS d',
        parameters: [
          { name: 'toString', type: 'string', default: 'from default' },
          { name: 'constructor', type: 'number' },
          { name: '__proto__', type: 'string', default: 'proto default' },
          { name: 'hasOwnProperty', type: 'boolean', default: true },
        ],
      })
      .expect(201);
    const run = (params: Record<string, unknown>) =>
      api().post('/api/queries/test-inherited-names/run').send({ params });
    const defaulted = await run({ constructor: 7 });
    expect(defaulted.status, defaulted.text).toBe(200);
    expect(defaulted.body.rows).toEqual([['from default', 7, 'proto default', true]]);
    // JSON.parse makes "__proto__" an own key of the body; a client can send it like any name.
    const given = await api()
      .post('/api/queries/test-inherited-names/run')
      .set('content-type', 'application/json')
      .send('{"params": {"toString": "given", "constructor": 1, "__proto__": "given too", "hasOwnProperty": false}}');
    expect(given.status, given.text).toBe(200);
    expect(given.body.rows).toEqual([['given', 1, 'given too', false]]);
    const missing = await run({});
    expect(missing.status).toBe(400);
    expect(problem(missing).detail).toMatch(/^body\.params\.constructor/);
  });

  it('When a saved query would write, then saving it is refused with a 403', async () => {
    const response = await api()
      .post('/api/queries')

      .send({ ...draft, id: 'test-writer', query: 'CREATE (:Hacked)' });
    expect(response.status).toBe(403);
  });

  it('When users save queries, then the graph is not written: schema, search and expand do not show them', async () => {
    await api()
      .post('/api/queries')

      .send({ ...draft, id: 'test-hidden', name: 'Microsoft hidden query' })
      .expect(201);
    const schema = await api().get('/api/schema').expect(200);
    expect(schema.body.labels.map((label: { name: string }) => label.name)).not.toContain('_EntenteSavedQuery');
    const search = await api().get('/api/search?q=hidden').expect(200);
    expect(search.body.results).toEqual([]);
    const subgraph = await api()
      .post('/api/subgraph')
      .send({ ids: ['test-hidden'] })
      .expect(200);
    expect(subgraph.body.meta.missing).toEqual(['test-hidden']);
    const { records } = await context.db.read('MATCH (q:_EntenteSavedQuery) RETURN count(q) AS n');
    expect(Number(records[0]!.get('n'))).toBe(0);
  });

  it('When an earlier Entente left saved-query nodes in the graph, then they move into the store once and the nodes are removed', async () => {
    await context.db.write(
      `CREATE (:_EntenteSavedQuery {id: 'test-from-graph', name: 'From the graph', description: 'old', version: 3,
         query: 'RETURN $n AS n', parameters: $parameters})`,
      { parameters: JSON.stringify([{ name: 'n', type: 'number', default: 2 }]) },
    );
    const logger = createLogger('silent');
    await migrateGraphSavedQueries(context.db, store, systemCaller, logger);
    await migrateGraphSavedQueries(context.db, store, systemCaller, logger);

    const moved = await api().get('/api/queries/test-from-graph').expect(200);
    expect(moved.body).toMatchObject({ name: 'From the graph', version: 3, origin: 'user', owner: null });
    expect((await api().post('/api/queries/test-from-graph/run').send({}).expect(200)).body.rows).toEqual([[2]]);
    const { records } = await context.db.read('MATCH (q:_EntenteSavedQuery) RETURN count(q) AS n');
    expect(Number(records[0]!.get('n'))).toBe(0);
    const audit = await store.rows(
      "SELECT actor_name FROM audit_log WHERE action = 'query.migrate' AND target_id = 'test-from-graph'",
    );
    expect(audit).toEqual([{ actor_name: 'entente' }]);
  });
});
