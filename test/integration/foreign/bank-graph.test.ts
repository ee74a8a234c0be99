import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createLogger } from '../../../server/logger.js';
import { ensureSearchIndex } from '../../../server/search/search.index.js';
import { testApp } from '../../support/app.js';
import { problem } from '../../support/api.js';
import { connectTestDatabase } from '../../support/database.js';
import { bankGraph } from '../../support/foreign-graphs.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

const db = connectTestDatabase();
let api: () => ReturnType<typeof request>;

interface ApiNode {
  id: string;
  labels: string[];
  caption: string;
  properties: Record<string, unknown>;
}

async function nodeWhere(cypher: string): Promise<ApiNode> {
  const { body } = await api().post('/api/cypher').send({ query: cypher }).expect(200);
  expect(body.graph.nodes).toHaveLength(1);
  return body.graph.nodes[0] as ApiNode;
}

afterAll(async () => {
  await emptyDatabase(db);
  await db.close();
});

describe("a bank's own graph: integer ids, ids unique per label only, no id at all", () => {
  beforeAll(async () => {
    await loadGraph(db, bankGraph);
    api = () => request(testApp(db));
  }, 120_000);

  it('When a node has an integer id that no other node has, then that number is its API id and it opens', async () => {
    const zoe = await nodeWhere('MATCH (n:Customer) RETURN n');
    expect(zoe.id).toBe('2');
    const { body } = await api().get('/api/nodes/2').expect(200);
    expect(body.node).toMatchObject({ id: '2', caption: 'Zoë Öztürk', labels: ['Person', 'Customer'] });
    expect(body.node.properties.id).toBe(2);
  });

  it('When a Bank and an Account share id 1, then each keeps an id of its own and "1" names neither', async () => {
    const bank = await nodeWhere('MATCH (n:Bank) RETURN n');
    const account = await nodeWhere('MATCH (n:Account) RETURN n');
    expect(bank.id).not.toBe(account.id);
    expect([bank.id, account.id]).not.toContain('1');
    expect(
      (
        await api()
          .get(`/api/nodes/${encodeURIComponent(bank.id)}`)
          .expect(200)
      ).body.node.caption,
    ).toBe('Zürcher Kantonalbank');
    expect(
      (
        await api()
          .get(`/api/nodes/${encodeURIComponent(account.id)}`)
          .expect(200)
      ).body.node.caption,
    ).toBe('Compte courant');
    expect(problem(await api().get('/api/nodes/1').expect(404)).detail).toContain('"1"');
  });

  it("When the account's neighbours are read, then the bank is drawn as the bank, not merged with the account", async () => {
    const account = await nodeWhere('MATCH (n:Account) RETURN n');
    const bank = await nodeWhere('MATCH (n:Bank) RETURN n');
    const { body } = await api()
      .get(`/api/nodes/${encodeURIComponent(account.id)}/neighbours`)
      .expect(200);
    const ids = body.nodes.map((node: ApiNode) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([account.id, bank.id, '2']));
    expect(body.edges).toContainEqual(
      expect.objectContaining({ type: 'HELD AT', source: account.id, target: bank.id }),
    );
  });

  it('When nodes have no id, a float id or a string id, then their API ids round-trip through every route', async () => {
    const blob = await nodeWhere('MATCH (n:Blob) RETURN n');
    const sensor = await nodeWhere('MATCH (n:Sensor) RETURN n');
    const audit = await nodeWhere('MATCH (n:Event) RETURN n');
    expect(audit.caption).toBe('Audit annuel 2021');
    expect(blob.caption).toMatch(/^Blob /);
    for (const node of [blob, sensor, audit, { id: 'tanaka' }, { id: '3' }]) {
      const { body } = await api()
        .get(`/api/nodes/${encodeURIComponent(node.id)}`)
        .expect(200);
      expect(body.node.id).toBe(node.id);
    }
    const { body: subgraph } = await api()
      .post('/api/subgraph')
      .send({ ids: [blob.id, audit.id, sensor.id, '3', 'tanaka', '2'] })
      .expect(200);
    expect(subgraph.meta.missing).toEqual([]);
    expect(subgraph.nodes).toHaveLength(6);
    expect(subgraph.edges).toContainEqual(
      expect.objectContaining({ type: 'ATTACHED_TO', source: blob.id, target: audit.id }),
    );
    expect(subgraph.edges).toContainEqual(expect.objectContaining({ type: 'IN', source: sensor.id, target: '3' }));
  });

  it('When a view is loaded in chunks (with), then relationships to nodes already held come with their API ids', async () => {
    const account = await nodeWhere('MATCH (n:Account) RETURN n');
    const { body } = await api()
      .post('/api/subgraph')
      .send({ ids: ['2'], with: [account.id, '100'] })
      .expect(200);
    expect(body.nodes.map((node: ApiNode) => node.id)).toEqual(['2']);
    expect(body.edges).toEqual([expect.objectContaining({ type: 'OWNS', source: '2', target: account.id })]);
    const hub = await api()
      .post('/api/subgraph')
      .send({ ids: ['1001', '1002'], with: ['100'] })
      .expect(200);
    expect(hub.body.edges.map((edge: { source: string; target: string }) => [edge.source, edge.target]).sort()).toEqual(
      [
        ['100', '1001'],
        ['100', '1002'],
      ],
    );
  });

  it('When the schema is asked, then it says which labels each type connects', async () => {
    const { body } = await api().get('/api/schema').expect(200);
    expect(body.links).toEqual(
      expect.arrayContaining([
        { from: 'Account', type: 'HELD AT', to: 'Bank', count: 1, sampled: 0 },
        { from: 'Hub', type: 'CLEARS', to: 'Member', count: 5000, sampled: 0 },
        // A start node with two labels: the type's own relationships are read to pair the labels.
        { from: 'Person', type: 'OWNS', to: 'Account', count: 1, sampled: 1 },
        { from: 'Customer', type: 'OWNS', to: 'Account', count: 1, sampled: 1 },
      ]),
    );
  });

  it('When paths are asked between integer-id nodes, then they are found and their ends keep their ids', async () => {
    const { body } = await api().get('/api/paths?from=2&to=3').expect(200);
    expect(body.paths.length).toBeGreaterThan(0);
    const ids = body.paths[0].nodes.map((node: ApiNode) => node.id);
    expect(ids).toEqual(expect.arrayContaining(['2', '3']));
  });

  it('When a node has a relationship to itself, then it is counted once and the page is not said to be truncated', async () => {
    const bank = await nodeWhere('MATCH (n:Bank) RETURN n');
    const { body } = await api()
      .get(`/api/nodes/${encodeURIComponent(bank.id)}/neighbours`)
      .expect(200);
    expect(body.edges.filter((edge: { type: string }) => edge.type === 'AUDITS')).toHaveLength(1);
    expect(body.meta.total).toBe(body.edges.length);
    expect(body.meta.truncated).toBe(false);
    const loops = await api()
      .get(`/api/nodes/${encodeURIComponent(bank.id)}/neighbours?types=AUDITS`)
      .expect(200);
    expect(loops.body.meta).toMatchObject({ total: 1, truncated: false });
  });

  it('When a hub has 5,000 neighbours with integer ids, then its menu and pages count them all', async () => {
    const menu = await api().get('/api/nodes/100/relationships').expect(200);
    expect(menu.body.relationships).toContainEqual({ type: 'CLEARS', direction: 'out', count: 5000 });
    const page = await api().get('/api/nodes/100/neighbours?types=CLEARS&limit=50').expect(200);
    expect(page.body.meta).toMatchObject({ total: 5000, truncated: true });
    expect(page.body.nodes).toHaveLength(51);
    const members = page.body.nodes.filter((node: ApiNode) => node.labels.includes('Member'));
    for (const member of members) {
      expect(member.id).toBe(String(member.properties.id));
      await api().get(`/api/nodes/${member.id}`).expect(200);
    }
  });

  it('When labels and types have spaces and non-Latin letters, then they filter and expand', async () => {
    const schema = await api().get('/api/schema').expect(200);
    expect(schema.body.labels).toContainEqual({ name: 'Filiale Genève', count: 1 });
    expect(schema.body.relationshipTypes).toContainEqual({ name: '所属', count: 1 });
    const page = await api()
      .get(`/api/nodes/3/neighbours?types=${encodeURIComponent('所属')}&labels=Bank`)
      .expect(200);
    expect(page.body.meta.total).toBe(1);
    expect(page.body.nodes.map((node: ApiNode) => node.caption)).toContain('Zürcher Kantonalbank');
  });
});

describe("the bank's graph: time, saved queries and the console", () => {
  const run = (id: string, params: Record<string, unknown>) => api().post(`/api/queries/${id}/run`).send({ params });

  beforeAll(async () => {
    await loadGraph(db, bankGraph);
    api = () => request(testApp(db));
  }, 120_000);

  it('When relationships are dated by datetimes, local datetimes and integer years, then as-of reads them', async () => {
    const on = async (id: string, day: string) =>
      (await api().get(`/api/nodes/${id}/neighbours?asOf=${day}`).expect(200)).body.edges.map(
        (edge: { type: string }) => edge.type,
      );
    expect(await on('2', '2019-02-28')).not.toContain('OWNS');
    expect(await on('2', '2019-03-01')).toContain('OWNS');
    expect(await on('2', '2023-01-01')).not.toContain('OWNS');
    const account = await nodeWhere('MATCH (n:Account) RETURN n');
    expect(await on(encodeURIComponent(account.id), '2014-12-31')).not.toContain('HELD AT');
    expect(await on(encodeURIComponent(account.id), '2015-01-01')).toContain('HELD AT');
    expect(await on('tanaka', '2020-03-31')).not.toContain('WORKS AT');
    expect(await on('tanaka', '2020-04-01')).toContain('WORKS AT');
  });

  it('When other properties date a type or a label (dating), then as-of reads those instead of since/until', async () => {
    const bank = await nodeWhere('MATCH (n:Bank) RETURN n');
    const types = async (id: string, day: string, dating?: unknown) =>
      (
        await api()
          .get(
            `/api/nodes/${encodeURIComponent(id)}/neighbours?asOf=${day}` +
              (dating ? `&dating=${encodeURIComponent(JSON.stringify(dating))}` : ''),
          )
          .expect(200)
      ).body.edges.map((edge: { type: string }) => edge.type);
    const clientOf = [{ name: 'CLIENT_OF', start: 'opened', end: 'closed' }];
    expect(await types('2', '2009-12-31')).toContain('CLIENT_OF');
    expect(await types('2', '2009-12-31', clientOf)).not.toContain('CLIENT_OF');
    expect(await types('2', '2015-06-01', clientOf)).toContain('CLIENT_OF');
    expect(await types('2', '2020-05-01', clientOf)).not.toContain('CLIENT_OF');
    const events = [{ name: 'Event', start: 'at' }];
    expect(await types(bank.id, '2021-01-01')).toContain('CONCERNS');
    expect(await types(bank.id, '2021-01-01', events)).not.toContain('CONCERNS');
    expect(await types(bank.id, '2021-07-01', events)).toContain('CONCERNS');
    const changes = await api()
      .get(`/api/changes?from=2021-01-01&to=2021-12-31&dating=${encodeURIComponent(JSON.stringify(events))}`)
      .expect(200);
    expect(changes.body.changes).toEqual([
      expect.objectContaining({ change: 'began', kind: 'node', date: '2021-06-30' }),
    ]);
    const unknown = await api()
      .get(
        `/api/nodes/2/neighbours?asOf=2020-01-01&dating=${encodeURIComponent(JSON.stringify([{ name: 'Nope', start: 'at' }]))}`,
      )
      .expect(400);
    expect(problem(unknown).detail).toMatch(/^query\.dating\.0: Nope is not a label or type/);
    expect(problem(await api().get('/api/nodes/2/neighbours?dating=not-json').expect(400)).detail).toMatch(/JSON list/);
  });

  it("When saved queries are listed, then the default dataset's are hidden and the generic ones offered", async () => {
    const { body } = await api().get('/api/queries').expect(200);
    const ids = body.queries.map((query: { id: string }) => query.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'most-connected',
        'neighbours-by-type',
        'shortest-paths',
        'property-matches',
        'label-connections',
      ]),
    );
    for (const specific of ['company-deals', 'lawsuits', 'regulators', 'source-evidence', 'investments']) {
      expect(ids).not.toContain(specific);
    }
  });

  it('When the generic saved queries run on it, then each answers with its nodes', async () => {
    const hubs = await run('most-connected', { label: 'Hub' }).expect(200);
    expect(hubs.body.rows[0][1]).toBe(5001);
    expect(hubs.body.graph.nodes[0].id).toBe('100');
    const owns = await run('neighbours-by-type', { node: '2', type: 'OWNS' }).expect(200);
    expect(owns.body.graph.nodes.map((node: ApiNode) => node.caption)).toContain('Compte courant');
    const named = await run('property-matches', { label: 'Bank', key: 'name', value: 'Zürcher Kantonalbank' }).expect(
      200,
    );
    expect(named.body.rows).toHaveLength(1);
    const founded = await run('property-matches', { label: 'Bank', key: 'founded', value: '1870' }).expect(200);
    expect(founded.body.rows).toHaveLength(1);
    const links = await run('label-connections', { from: 'Account', to: 'Bank' }).expect(200);
    expect(links.body.rows[0].slice(0, 3)).toEqual(['HELD AT', 'Account → Bank', 1]);
    const paths = await run('shortest-paths', { from: '2', to: '3' }).expect(200);
    expect(paths.body.rows.length).toBeGreaterThan(0);
  });

  it('When a saved query names a label or node this database lacks, then it is a 400 naming the parameter', async () => {
    const label = problem(await run('most-connected', { label: 'Company' }).expect(400));
    expect(label.detail).toContain('body.params.label');
    const node = problem(await run('neighbours-by-type', { node: 'microsoft', type: 'OWNS' }).expect(400));
    expect(node.detail).toContain('no node has the id "microsoft"');
  });

  it('When the console returns nodes, then their ids are the ones every other route uses', async () => {
    const { body } = await api()
      .post('/api/cypher')
      .send({ query: 'MATCH (c:Customer)-[o:OWNS]->(a) RETURN c, o, a' })
      .expect(200);
    const customer = body.graph.nodes.find((node: ApiNode) => node.labels.includes('Customer'));
    expect(customer.id).toBe('2');
    expect(body.graph.edges[0].source).toBe('2');
    expect(body.rows[0][0].id).toBe('2');
  });
});

describe('search on a graph that is not ours', () => {
  const captions = async (q: string) =>
    (
      await api()
        .get(`/api/search?q=${encodeURIComponent(q)}`)
        .expect(200)
    ).body.results.map((result: { caption: string }) => result.caption);

  beforeAll(async () => {
    await loadGraph(db, bankGraph);
    api = () => request(testApp(db));
  }, 120_000);

  it.each([
    ['Zurcher', 'Zürcher Kantonalbank'],
    ['zoe ozturk', 'Zoë Öztürk'],
    ['ÖZTÜRK', 'Zoë Öztürk'],
    ['Geneve', 'Genève Centre'],
    ['audit annuel', 'Audit annuel 2021'],
  ])(
    'When there is no full-text index and %j is typed, then the scan folds both sides and finds %s',
    async (q, caption) => {
      expect((await captions(q))[0]).toBe(caption);
    },
  );

  it('When Entente creates its own index (SEARCH_INDEX=auto), then search uses it and forgives typos', async () => {
    const mode = await ensureSearchIndex(db, 'auto', createLogger('silent'));
    expect(mode).toEqual({ kind: 'index', index: 'entente_search', created: true });
    await db.write('CALL db.awaitIndexes(60)');
    api = () => request(testApp(db));
    expect((await captions('Kantonalbnk'))[0]).toBe('Zürcher Kantonalbank');
    expect((await captions('Zoe'))[0]).toBe('Zoë Öztürk');
    expect((await captions('Tanaka'))[0]).toBe('Tanaka Hiroshi');
  });

  it('When the graph gained a label since Entente made its index, then the next start makes it again to cover it', async () => {
    const logger = createLogger('silent');
    expect(await ensureSearchIndex(db, 'auto', logger)).toEqual({
      kind: 'index',
      index: 'entente_search',
      created: false,
    });
    await db.write("CREATE (:`Filiale Süd` {name: 'Lugano Nord'})");
    try {
      expect(await ensureSearchIndex(db, 'auto', logger)).toEqual({
        kind: 'index',
        index: 'entente_search',
        created: true,
      });
      await db.write('CALL db.awaitIndexes(60)');
      api = () => request(testApp(db));
      expect((await captions('Lugano'))[0]).toBe('Lugano Nord');
    } finally {
      await db.write('MATCH (n:`Filiale Süd`) DELETE n');
    }
  });

  it('When SEARCH_INDEX=off, then no index is created and the log says search scans', async () => {
    await loadGraph(db, bankGraph);
    const mode = await ensureSearchIndex(db, 'off', createLogger('silent'));
    expect(mode.kind).toBe('scan');
    const { records } = await db.read('SHOW FULLTEXT INDEXES YIELD name RETURN count(*) AS indexes');
    expect(Number(records[0]!.get('indexes'))).toBe(0);
  });
});

describe('a brand-new empty database', () => {
  beforeAll(async () => {
    await emptyDatabase(db);
    api = () => request(testApp(db));
  }, 120_000);

  it.each([
    ['GET', '/api/schema'],
    ['GET', '/api/search?q=anything'],
    ['GET', '/api/nodes/x'],
    ['GET', '/api/nodes/x/relationships'],
    ['GET', '/api/nodes/x/neighbours'],
    ['GET', '/api/paths?from=a&to=b'],
    ['POST', '/api/subgraph'],
    ['GET', '/api/queries'],
    ['POST', '/api/cypher'],
  ])('When %s %s is asked, then it answers 2xx or a 4xx problem, never a 5xx', async (method, path) => {
    const response =
      method === 'GET'
        ? await api().get(path)
        : await api()
            .post(path)
            .send(path.endsWith('subgraph') ? { ids: ['x'] } : { query: 'MATCH (n) RETURN n LIMIT 5' });
    expect(response.status).toBeLessThan(500);
  });

  it('When the schema of an emptied database is asked, then every list is empty, keys of deleted data too', async () => {
    const { records } = await db.read('CALL db.propertyKeys() YIELD propertyKey RETURN count(*) AS known');
    expect(Number(records[0]!.get('known'))).toBeGreaterThan(0);
    const { body } = await api().get('/api/schema').expect(200);
    expect(body).toEqual({ labels: [], relationshipTypes: [], propertyKeys: [], links: [] });
  });
});

describe('disagreements on a graph that is not ours', () => {
  beforeAll(async () => {
    await loadGraph(db, bankGraph);
    api = () => request(testApp(db));
  }, 120_000);

  it('When no record has a `disputes` key, then the list is empty and not cut', async () => {
    const { body } = await api().get('/api/disagreements').expect(200);
    expect(body.disagreements).toEqual([]);
    expect(body.graph.meta).toEqual({ truncated: false });
  });

  it('When records hold 1,050 disputes, one with 150 versions, then 1,000 groups of at most 100 come back, marked cut', async () => {
    await db.write(
      `UNWIND range(1, 1050) AS group
       UNWIND range(1, CASE group WHEN 1 THEN 150 ELSE 2 END) AS version
       CREATE (:Claim {id: 'claim-' + group + '-' + version, disputes: 'group-' + right('000' + group, 4)})`,
    );
    try {
      const { body } = await api().get('/api/disagreements').expect(200);
      expect(body.disagreements).toHaveLength(1_000);
      expect(body.disagreements[0].id).toBe('group-0001');
      expect(body.disagreements[0].versions).toHaveLength(100);
      expect(body.graph.meta).toEqual({ truncated: true });
    } finally {
      await db.write('MATCH (n:Claim) DELETE n');
    }
  });
});
