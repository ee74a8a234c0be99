import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { problem, useApi } from '../../support/api.js';
import { testApp } from '../../support/app.js';

const context = useApi();
const api = () => context.api();

describe('GET /api/schema', () => {
  it("When asked, then it lists the database's labels and types with counts and its property keys", async () => {
    const { body } = await api().get('/api/schema').expect(200);
    expect(body.labels).toContainEqual({ name: 'Company', count: 18 });
    expect(body.relationshipTypes).toContainEqual({ name: 'INVESTED_IN', count: 3 });
    expect(body.propertyKeys).toEqual(expect.arrayContaining(['amountUsd', 'claim', 'sources', 'since']));
  });
});

describe('GET /api/search', () => {
  const ids = async (q: string, extra = '') =>
    (
      await api()
        .get(`/api/search?q=${encodeURIComponent(q)}${extra}`)
        .expect(200)
    ).body.results.map((result: { id: string }) => result.id);

  it.each([
    ['micro', 'microsoft'],
    ['Open AI', 'openai'],
    ['Altmann', 'sam-altman'],
    ['ALTMÁN', 'sam-altman'],
    ['Brett Taylor', 'bret-taylor'],
    ['OpenAI Global LLC', 'openai-global'],
  ])('When searching %j, then %s is among the first three results', async (q, expected) => {
    expect((await ids(q)).slice(0, 3)).toContain(expected);
  });

  it.each([
    ['Competition and Markets Authority', 'cma'],
    ['Securities and Exchange Commission', 'sec'],
    ['Attorney General of Delaware', 'delaware-attorney-general'],
  ])('When a full name with stop words, %j, is typed, then %s comes first', async (q, expected) => {
    expect((await ids(q))[0]).toBe(expected);
  });

  it.each([
    ['Delaware', 'delaware'],
    ['California', 'california'],
    ['State of Delaware', 'delaware'],
    ['Sam', 'sam-altman'],
    ['gogle', 'google'],
    ['Microsoft', 'microsoft'],
    ['chatgtp', 'chatgpt'],
  ])('When %j is typed, then %s comes first', async (q, expected) => {
    expect((await ids(q))[0]).toBe(expected);
  });

  it.each(['AND(', '*', '"', 'title:x OR', '\\'])(
    'When q is Lucene syntax %j, then it is a search, not an error',
    async (q) => {
      const { body } = await api()
        .get(`/api/search?q=${encodeURIComponent(q)}`)
        .expect(200);
      expect(Array.isArray(body.results)).toBe(true);
    },
  );

  it('When filtered by label, then only nodes with that label come back, with caption and score', async () => {
    const { body } = await api().get('/api/search?q=microsoft&labels=Product&limit=5').expect(200);
    expect(body.results.length).toBeGreaterThan(0);
    for (const result of body.results) {
      expect(result.labels).toContain('Product');
      expect(typeof result.caption).toBe('string');
      expect(typeof result.score).toBe('number');
    }
  });

  it('When a label does not exist in the database, then it is a 400 naming it', async () => {
    const response = await api().get('/api/search?q=x&labels=Company,Spaceship').expect(400);
    expect(problem(response).detail).toContain('Spaceship');
  });

  it('When limit is out of range, then it is a 400 naming the parameter', async () => {
    const response = await api().get('/api/search?q=x&limit=1000').expect(400);
    expect(problem(response).detail).toMatch(/^query\.limit/);
  });
});

describe('GET /api/nodes/:id', () => {
  it('When the id exists, then the node comes back with labels, caption and JSON properties', async () => {
    const { body } = await api().get('/api/nodes/microsoft-investment-2019').expect(200);
    expect(body.node).toMatchObject({
      id: 'microsoft-investment-2019',
      labels: ['Deal'],
      caption: "Microsoft's $1 billion investment (2019)",
      properties: { amountUsd: 1e9, since: '2019-01-01', sincePrecision: 'year' },
    });
  });

  it('When the id does not exist, then it is a 404 problem', async () => {
    const response = await api().get('/api/nodes/no-such-node').expect(404);
    expect(problem(response)).toMatchObject({ status: 404, title: 'Not found' });
  });
});

describe('GET /api/nodes/:id/relationships', () => {
  it('When asked for a node, then it lists counts per type and direction', async () => {
    const { body } = await api().get('/api/nodes/microsoft/relationships').expect(200);
    expect(body.relationships).toContainEqual({ type: 'DEVELOPED', direction: 'out', count: 11 });
    expect(body.relationships).toContainEqual({ type: 'STAKE_IN', direction: 'out', count: 3 });
  });

  it('When a node has a self-loop, then the menu lists it once (as out), beside its other relationships', async () => {
    await context.db.write(`
      CREATE (n:LoopTest {id: 'loop-test'})-[:LOOP_TEST_OWNS]->(n),
             (n)-[:LOOP_TEST_OWNS]->(:LoopTest), (n)<-[:LOOP_TEST_OWNS]-(:LoopTest), (n)<-[:LOOP_TEST_OWNS]-(:LoopTest),
             (lonely:LoopTest {id: 'loop-test-only'})-[:LOOP_TEST_LIKES]->(lonely)`);
    try {
      // An app of its own, whose catalog reads the types just made.
      const app = testApp(context.db);
      const menu = async (id: string) => (await request(app).get(`/api/nodes/${id}/relationships`).expect(200)).body;
      expect((await menu('loop-test')).relationships).toEqual([
        { type: 'LOOP_TEST_OWNS', direction: 'out', count: 2 },
        { type: 'LOOP_TEST_OWNS', direction: 'in', count: 2 },
      ]);
      expect((await menu('loop-test-only')).relationships).toEqual([
        { type: 'LOOP_TEST_LIKES', direction: 'out', count: 1 },
      ]);
    } finally {
      await context.db.write('MATCH (n:LoopTest) DETACH DELETE n');
    }
  });
});

describe('GET /api/nodes/:id/neighbours', () => {
  it('When asked without filters, then the centre and its neighbours come back with the total', async () => {
    const { body } = await api().get('/api/nodes/microsoft/neighbours').expect(200);
    expect(body.nodes.map((node: { id: string }) => node.id)).toContain('microsoft');
    expect(body.meta).toMatchObject({ centre: 'microsoft', limit: 50, skip: 0 });
    expect(body.edges.length).toBe(Math.min(50, body.meta.total));
    for (const edge of body.edges) expect([edge.source, edge.target]).toContain('microsoft');
  });

  it('When filtered by type and direction, then only those relationships come back', async () => {
    const { body } = await api().get('/api/nodes/microsoft/neighbours?types=DEVELOPED&direction=out').expect(200);
    expect(body.meta.total).toBe(11);
    expect(new Set(body.edges.map((edge: { type: string }) => edge.type))).toEqual(new Set(['DEVELOPED']));
    const inbound = await api().get('/api/nodes/microsoft/neighbours?types=DEVELOPED&direction=in').expect(200);
    expect(inbound.body.meta.total).toBe(0);
  });

  it("When filtered by the far end's label, then every neighbour has it and the total counts only those", async () => {
    const { body } = await api().get('/api/nodes/microsoft/neighbours?labels=Product&direction=out').expect(200);
    const neighbours = body.nodes.filter((node: { id: string }) => node.id !== 'microsoft');
    expect(neighbours.length).toBe(body.meta.total);
    for (const node of neighbours) expect(node.labels).toContain('Product');
    expect(body.meta.total).toBe(11); // the eleven DEVELOPED products (the GPT-3 licence is a deal node)
  });

  it('When paged, then pages do not overlap and truncated says whether more follow', async () => {
    const first = await api().get('/api/nodes/openai/neighbours?limit=5').expect(200);
    const second = await api().get('/api/nodes/openai/neighbours?limit=5&skip=5').expect(200);
    expect(first.body.meta.truncated).toBe(true);
    const firstIds = first.body.edges.map((edge: { id: string }) => edge.id);
    for (const edge of second.body.edges) expect(firstIds).not.toContain(edge.id);
  });

  it('When asOf is before a relationship ended, then it is there; when after, it is gone', async () => {
    const seat = (body: { edges: { type: string }[] }) =>
      body.edges.some((edge) => edge.type === 'OBSERVER_ON_BOARD_OF');
    const during = await api().get('/api/nodes/microsoft/neighbours?types=OBSERVER_ON_BOARD_OF&asOf=2024-01-15');
    const after = await api().get('/api/nodes/microsoft/neighbours?types=OBSERVER_ON_BOARD_OF&asOf=2024-08-01');
    const before = await api().get('/api/nodes/microsoft/neighbours?types=OBSERVER_ON_BOARD_OF&asOf=2023-10-31');
    expect([seat(during.body), seat(after.body), seat(before.body)]).toEqual([true, false, false]);
  });

  it.each([
    ['direction=sideways', 'query.direction'],
    ['limit=1001', 'query.limit'],
    ['skip=', 'query.skip'],
    ['limit=1.5e1', 'query.limit'],
    ['skip=%200x10', 'query.skip'],
    ['asOf=2024-02-30', 'query.asOf'],
    ['types=NO_SUCH_TYPE', 'types'],
    ['colour=red', 'query'],
  ])('When %s, then it is a 400 naming %s', async (parameters, name) => {
    const response = await api().get(`/api/nodes/microsoft/neighbours?${parameters}`).expect(400);
    expect(problem(response).detail.startsWith(name)).toBe(true);
  });
});

describe('a graph the tests make up (no id properties, labels of its own)', () => {
  const elementIds: Record<string, string> = {};

  beforeAll(async () => {
    const { records } = await context.db.write(`
      CREATE (a:MadeUpPlace {title: 'A'}), (b:MadeUpPlace {title: 'B'}), (c:MadeUpPlace {title: 'C'}),
             (d:MadeUpPlace {title: 'D'}), (e:MadeUpPlace {title: 'E'})
      CREATE (a)-[:MADE_UP_ROAD {since: date('2020-01-01'), until: date('2021-01-01')}]->(b)-[:MADE_UP_ROAD]->(c)
      CREATE (a)-[:MADE_UP_ROAD]->(d)-[:MADE_UP_ROAD]->(e)-[:MADE_UP_ROAD]->(c)
      RETURN [x IN [a, b, c, d, e] | [x.title, elementId(x)]] AS pairs`);
    for (const [title, elementId] of records[0]!.get('pairs') as [string, string][]) elementIds[title] = elementId;
  });
  afterAll(() => context.db.write('MATCH (n:MadeUpPlace) DETACH DELETE n'));

  const hops = (body: { paths: { edges: unknown[] }[] }) => body.paths.map((path) => path.edges.length);

  it('When a node has no id property, then its elementId is its id and round-trips in the URL', async () => {
    const { body } = await api()
      .get(`/api/nodes/${encodeURIComponent(elementIds.A!)}`)
      .expect(200);
    expect(body.node).toMatchObject({ id: elementIds.A, labels: ['MadeUpPlace'], caption: 'A' });
  });

  it('When asOf selects a date, then paths (shortest, then next-shortest) use only relationships valid on it', async () => {
    const query = `from=${encodeURIComponent(elementIds.A!)}&to=${encodeURIComponent(elementIds.C!)}`;
    expect(hops((await api().get(`/api/paths?${query}&asOf=2020-06-01`).expect(200)).body)).toEqual([2, 3]);
    expect(hops((await api().get(`/api/paths?${query}&asOf=2022-06-01`).expect(200)).body)).toEqual([3]);
    expect(hops((await api().get(`/api/paths?${query}&asOf=2022-06-01&maxHops=2`).expect(200)).body)).toEqual([]);
  });

  it('When a subgraph is asked for, then it holds those nodes and only the relationships among them', async () => {
    const ids = [elementIds.A, elementIds.B, elementIds.D, 'no-such-node'];
    const { body } = await api().post('/api/subgraph').send({ ids }).expect(200);
    expect(body.nodes).toHaveLength(3);
    expect(body.edges.map((edge: { source: string; target: string }) => [edge.source, edge.target]).sort()).toEqual(
      [
        [elementIds.A, elementIds.B],
        [elementIds.A, elementIds.D],
      ].sort(),
    );
    expect(body.meta.missing).toEqual(['no-such-node']);
    const later = await api().post('/api/subgraph').send({ ids, asOf: '2022-01-01' }).expect(200);
    expect(later.body.edges).toHaveLength(1);
  });
});

describe('GET /api/paths on the default dataset', () => {
  it('When two companies are connected, then each path is a Graph from one to the other', async () => {
    const { body } = await api().get('/api/paths?from=google&to=windsurf').expect(200);
    expect(body.paths.length).toBeGreaterThan(0);
    for (const path of body.paths) {
      const ids = path.nodes.map((node: { id: string }) => node.id);
      expect(ids).toEqual(expect.arrayContaining(['google', 'windsurf']));
      expect(path.edges.length).toBeLessThanOrEqual(4);
    }
  });

  it('When maxHops is over 8 or an end is unknown, then it is a 400 or a 404', async () => {
    expect(problem(await api().get('/api/paths?from=google&to=openai&maxHops=9').expect(400)).detail).toMatch(
      /maxHops/,
    );
    expect(problem(await api().get('/api/paths?from=google&to=nowhere').expect(404)).detail).toContain('nowhere');
  });
});

describe('limits say the way around them', () => {
  it.each([
    [
      '/api/nodes/microsoft/neighbours?limit=1001',
      /^query\.limit: at most 1,000; page on with `cursor`.*GET \/api\/export\?around=/,
    ],
    ['/api/nodes/microsoft/timeline?limit=1001', /^query\.limit: at most 1,000; .*GET \/api\/export\?around=/],
    ['/api/search?q=micro&limit=101', /^query\.limit: at most 100; page on with `cursor`/],
  ])('When %s, then the 400 names the limit and the way around it', async (url, detail) => {
    expect(problem(await api().get(url).expect(400)).detail).toMatch(detail);
  });
});

describe('POST /api/subgraph limits', () => {
  it('When more than 1,000 ids are sent, then it is a 400 naming the limit and the ways around it', async () => {
    const ids = Array.from({ length: 1001 }, (_, index) => `n${index}`);
    const { detail } = problem(await api().post('/api/subgraph').send({ ids }).expect(400));
    expect(detail).toMatch(/at most 1,000 ids/);
    expect(detail).toMatch(/`with`.*POST \/api\/export/);
  });

  it('When the body is over 1 MB, then it is a 413 problem', async () => {
    const ids = Array.from({ length: 900 }, () => 'x'.repeat(1200));
    expect(problem(await api().post('/api/subgraph').send({ ids }).expect(413)).status).toBe(413);
  });

  it('When the body is not JSON, then it is a 400 problem', async () => {
    const response = await api().post('/api/subgraph').set('content-type', 'application/json').send('{"ids": [');
    expect(response.status).toBe(400);
    expect(problem(response).detail).toMatch(/JSON/);
  });
});

describe('OpenAPI and docs', () => {
  it('When the document is fetched, then it is OpenAPI 3.1 describing every route', async () => {
    const { body } = await api().get('/api/openapi.json').expect(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/schema',
        '/api/search',
        '/api/nodes/{id}',
        '/api/nodes/{id}/relationships',
        '/api/nodes/{id}/neighbours',
        '/api/nodes/{id}/timeline',
        '/api/paths',
        '/api/subgraph',
        '/api/queries',
        '/api/queries/{id}',
        '/api/queries/{id}/run',
        '/api/cypher',
      ]),
    );
    expect(body.components.schemas.Problem).toBeDefined();
  });

  it('When the docs are opened, then an HTML page is served', async () => {
    const response = await api().get('/api/docs/').expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
