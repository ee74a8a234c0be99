import neo4j from 'neo4j-driver';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../../server/neo4j/database.js';
import { problem, useApi } from '../../support/api.js';
import { testApp } from '../../support/app.js';

const context = useApi();
const api = () => context.api();

describe('Conditional GET reads of JSON', () => {
  it.each([
    '/api/schema',
    '/api/nodes/microsoft',
    '/api/nodes/microsoft/relationships',
    '/api/nodes/microsoft/neighbours?limit=20',
    '/api/search?q=openai',
    '/api/nodes/microsoft/timeline',
    '/api/disagreements',
    '/api/queries',
  ])('When %s is read again with its ETag, then the answer is 304 without a body', async (url) => {
    // The first read of a route after the server starts may fill the catalog (the node identity rule) that
    // a graph read's tag names: its tag is then already out of date (one full answer more, never a stale 304).
    await api().get(url).expect(200);
    const first = await api().get(url).expect(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[^"]+"$/); // strong: no W/ prefix
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.headers.vary).toMatch(/Authorization/);
    expect(first.headers.vary).toMatch(/Cookie/);
    const second = await api().get(url).set('If-None-Match', etag).expect(304);
    expect(second.text ?? '').toBe('');
  });

  describe('When the node changes', () => {
    afterAll(() => context.db.write("MATCH (n {id: 'microsoft'}) REMOVE n.cachingProbe"));

    it('then its old ETag gets the new answer with a new ETag', async () => {
      const first = await api().get('/api/nodes/microsoft').expect(200);
      await context.db.write("MATCH (n {id: 'microsoft'}) SET n.cachingProbe = 'changed'");
      const second = await api()
        .get('/api/nodes/microsoft')
        .set('If-None-Match', first.headers.etag as string)
        .expect(200);
      expect(second.body.node.properties.cachingProbe).toBe('changed');
      expect(second.headers.etag).not.toBe(first.headers.etag);
    });
  });
});

describe('Conditional GET of graph reads, validated by the graph’s version before the read runs', () => {
  const url = '/api/nodes/microsoft/neighbours?limit=20';

  /** A write through a driver of its own, as any other Neo4j client makes it. */
  async function writeFromElsewhere(cypher: string) {
    const { uri, user, password, database } = context.db.settings;
    const driver = neo4j.driver(uri, password ? neo4j.auth.basic(user, password) : undefined);
    try {
      await driver.executeQuery(cypher, {}, { database });
    } finally {
      await driver.close();
    }
  }

  afterAll(() => context.db.write("MATCH (n {id: 'openai'}) REMOVE n.versionProbe"));

  it('When nothing was written, then the same ETag comes back and If-None-Match is a 304 without a body', async () => {
    const first = await api().get(url).expect(200);
    const etag = first.headers.etag as string;
    // A graph read's tag names the graph's version, not a hash of the body.
    expect(etag).toMatch(/^"g[A-Za-z0-9_-]{43}"$/);
    expect((await api().get(url).expect(200)).headers.etag).toBe(etag);
    const again = await api().get(url).set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['cache-control']).toBe('private, no-cache');
    // HEAD is validated the same way.
    await api().head(url).set('If-None-Match', etag).expect(304);
  });

  it('When another driver session writes anywhere in the graph, then the ETag changes and the old one gets a full answer', async () => {
    const first = await api().get(url).expect(200);
    const etag = first.headers.etag as string;
    await writeFromElsewhere("MATCH (n {id: 'openai'}) SET n.versionProbe = randomUUID()");
    const after = await api().get(url).set('If-None-Match', etag).expect(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.nodes.length).toBe(first.body.nodes.length);
    await api()
      .get(url)
      .set('If-None-Match', after.headers.etag as string)
      .expect(304);
  });

  it('When many conditional reads arrive at once, then they share version reads and all are 304', async () => {
    const etag = (await api().get(url).expect(200)).headers.etag as string;
    const answers = await Promise.all(Array.from({ length: 10 }, () => api().get(url).set('If-None-Match', etag)));
    expect(answers.map((response) => response.status)).toEqual(answers.map(() => 304));
  });

  it('When every place in the query line is taken, then a matching If-None-Match is still a 304 (no read runs) and a plain GET is a 503', async () => {
    const db = new Database(context.db.settings, { maxConnections: 1, connectionWaitMs: 3_000 });
    const app = testApp(db);
    try {
      // The first read fills the new app's catalog, which the tag names: the second's tag is the one kept.
      await request(app).get(url).expect(200);
      const etag = (await request(app).get(url).expect(200)).headers.etag as string;
      let free!: () => void;
      const taken = db.writeTransaction(() => new Promise<void>((resolve) => (free = resolve)));
      try {
        await request(app).get(url).set('If-None-Match', etag).expect(304);
        await request(app).get(url).expect(503);
      } finally {
        free();
        await taken;
      }
    } finally {
      await db.close();
    }
  });

  it('When the query string differs, then so does the ETag', async () => {
    const twenty = await api().get(url).expect(200);
    const ten = await api().get('/api/nodes/microsoft/neighbours?limit=10').expect(200);
    expect(ten.headers.etag).not.toBe(twenty.headers.etag);
    await api()
      .get('/api/nodes/microsoft/neighbours?limit=10')
      .set('If-None-Match', twenty.headers.etag as string)
      .expect(200);
  });
});

describe('Reads of what is not there', () => {
  it('When a node id names no node, then the answer is a 404 problem saying so', async () => {
    const response = await api().get('/api/nodes/no-such-node-for-caching').expect(404);
    expect(problem(response).detail).toBe('No node has the id "no-such-node-for-caching".');
    expect(response.headers.etag).toBeUndefined();
  });

  it('When a relationship is read by its id, then it comes back; when the id names none, a 404 says so', async () => {
    const { body } = await api().get('/api/nodes/microsoft/neighbours?limit=1').expect(200);
    const edge = body.edges[0];
    const read = await api()
      .get(`/api/relationships/${encodeURIComponent(edge.id)}`)
      .expect(200);
    expect(read.body.edge).toEqual(edge);
    expect(read.headers.etag).toMatch(/^"/);
    // A relationship with an `id` property of its own goes by it.
    await context.db.write(
      "MATCH (a {id: 'microsoft'}), (b {id: 'openai'}) CREATE (a)-[:CACHING_PROBE {id: 'caching-probe'}]->(b)",
    );
    try {
      const byProperty = await api().get('/api/relationships/caching-probe').expect(200);
      expect(byProperty.body.edge).toMatchObject({
        id: 'caching-probe',
        type: 'CACHING_PROBE',
        source: 'microsoft',
        target: 'openai',
      });
    } finally {
      await context.db.write('MATCH ()-[r:CACHING_PROBE]->() DELETE r');
    }
    const missing = await api().get('/api/relationships/no-such-relationship').expect(404);
    expect(problem(missing).detail).toBe('No relationship has the id "no-such-relationship".');
  });
});
