import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../server/seed/prepare.js';
import { keyOf } from '../support/accounts.js';
import { connectTestDatabase } from '../support/database.js';
import { testStore } from '../support/store.js';
import { ReliabilityTable } from '../support/reliability-table.js';
import { listenTestApp, type RunningServer } from '../support/server.js';

const table = new ReliabilityTable('Malformed and hostile HTTP input');

describe('malformed input never gives a 5xx, and always a problem+json body', () => {
  const db = connectTestDatabase();
  let server: RunningServer;

  async function tryRequest(what: string, path: string, init: RequestInit, expected: number, base = server.url) {
    const response = await fetch(`${base}${path}`, init);
    const body = await response.text();
    table.add(what, String(expected), String(response.status));
    expect(response.status, `${what}: ${body}`).toBe(expected);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(body) as { status: number; detail: string };
    expect(problem).toMatchObject({ status: expected });
    return { response, problem };
  }

  beforeAll(async () => {
    await seedDatabase(db);
    server = await listenTestApp(db);
  });

  afterAll(async () => {
    table.print();
    await server.close();
    await db.close();
  });

  it.each([
    ['a path segment that is not UTF-8', '/api/nodes/%ff%fe'],
    ['a lone percent sign', '/api/nodes/%'],
    ['a truncated escape', '/api/nodes/abc%2'],
  ])('When the URL has %s, then it is a 400', async (what, path) => {
    await tryRequest(what, path, {}, 400);
  });

  it('When console parameters are nested 10,000 deep, then it is a 400 naming the limit', async () => {
    const nested = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const { problem } = await tryRequest(
      'console parameters nested 10,000 deep',
      '/api/cypher',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"query": "RETURN $p", "params": {"p": ${nested}}}`,
      },
      400,
    );
    expect(problem.detail).toMatch(/nested more than 32 deep/);
  });

  it('When a route that takes a JSON body gets none, then it is a 400 saying so', async () => {
    const { problem } = await tryRequest(
      'no body for a saved-query run',
      '/api/queries/investments/run',
      { method: 'POST' },
      400,
    );
    expect(problem.detail).toMatch(/^body: a JSON body is required/);
  });

  it('When the URL is 20 KB long, then it is a 431 problem', async () => {
    await tryRequest('a 20 KB URL', `/api/search?q=${'a'.repeat(20_000)}`, {}, 431);
  });

  it('When a header is 20 KB long, then it is a 431 problem', async () => {
    await tryRequest('a 20 KB header', '/api/health', { headers: { 'x-filler': 'a'.repeat(20_000) } }, 431);
  });

  it('When TRACE or PATCH is sent to a route, then it is a 405 with the allowed methods', async () => {
    const { response } = await tryRequest('PATCH /api/queries', '/api/queries', { method: 'PATCH' }, 405);
    expect(response.headers.get('allow')).toBe('GET, POST, HEAD');
    // fetch() cannot send TRACE; node:http can.
    const trace = await new Promise<{ status: number; type: string }>((resolve, reject) => {
      request(`${server.url}/api/schema`, { method: 'TRACE' }, (response) => {
        response.resume();
        resolve({ status: response.statusCode!, type: String(response.headers['content-type']) });
      })
        .on('error', reject)
        .end();
    });
    table.add('TRACE /api/schema', '405', String(trace.status));
    expect(trace).toMatchObject({ status: 405, type: expect.stringMatching(/^application\/problem\+json/) });
  });

  it('When the key is missing or wrong, then it is a 401 with WWW-Authenticate; a lower-case scheme works', async () => {
    const body = JSON.stringify({ id: 'test-auth', name: 'x', query: 'RETURN 1' });
    const headers = { 'content-type': 'application/json' };
    const key = await keyOf('analyst');
    const withAccounts = await listenTestApp(db, { ENTENTE_AUTH: 'on' });
    try {
      const { response: missing } = await tryRequest(
        'no API key',
        '/api/queries',
        { method: 'POST', headers, body },
        401,
        withAccounts.url,
      );
      expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="entente"');
      const { response: wrong } = await tryRequest(
        'a wrong API key',
        '/api/queries',
        { method: 'POST', headers: { ...headers, authorization: 'Bearer nope' }, body },
        401,
        withAccounts.url,
      );
      expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
      const lower = await fetch(`${withAccounts.url}/api/queries`, {
        method: 'POST',
        headers: { ...headers, authorization: `bearer ${key}` },
        body,
      });
      expect(lower.status).toBe(201);
    } finally {
      await withAccounts.close();
      await testStore().rows("DELETE FROM saved_queries WHERE id = 'test-auth'");
    }
  });

  it('When served over plain HTTP, then there is no HSTS, and only the docs page may run inline scripts', async () => {
    const root = await fetch(`${server.url}/api/health`);
    expect(root.headers.get('strict-transport-security')).toBeNull();
    const scriptSources = (response: Response) =>
      /(?:^|;)script-src ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
    expect(scriptSources(root)).toBe("'self'");
    expect(scriptSources(await fetch(`${server.url}/`))).toBe("'self'");
    expect(scriptSources(await fetch(`${server.url}/api/docs/`))).toBe("'self' 'unsafe-inline'");
  });

  it('When the OpenAPI document is read, then dates are strict, bodies required and routes secured', async () => {
    const document = await (await fetch(`${server.url}/api/openapi.json`)).json();
    const asOf = document.paths['/api/nodes/{id}/neighbours'].get.parameters.find(
      (parameter: { name: string }) => parameter.name === 'asOf',
    );
    const pattern = new RegExp(asOf.schema.pattern);
    expect(pattern.test('2024-02-29')).toBe(true);
    for (const bad of ['0000-00-00', '2024-13-01', '2024-00-10', '2024-01-32']) expect(pattern.test(bad)).toBe(false);
    expect(document.paths['/api/subgraph'].post.requestBody.required).toBe(true);
    expect(document.paths['/api/queries'].post.security).toEqual([{ apiKey: [] }, { session: [] }]);
    expect(document.paths['/api/queries'].post['x-entente-permission']).toBe('write:queries');
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const bad = await fetch(`${server.url}/api/nodes/microsoft/neighbours?asOf=0000-00-00`);
    expect(bad.status).toBe(400);
  });
});
