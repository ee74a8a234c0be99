import { afterAll, describe, expect, it } from 'vitest';
import { problem, useApi } from '../../support/api.js';

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
