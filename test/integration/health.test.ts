import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/neo4j/database.js';
import { testApp } from '../support/app.js';
import { connectTestDatabase } from '../support/database.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('GET /api/health', () => {
  const db = connectTestDatabase();
  afterAll(() => db.close());

  it('When Neo4j answers, then it reports ok with the real server version and edition', async () => {
    const response = await request(testApp(db)).get('/api/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.neo4j.version).toMatch(/^5\.26\.\d+$/);
    expect(response.body.neo4j.edition).toBe('community');
  });

  it('When Neo4j does not answer, then it is a 503 problem+json', async () => {
    const down = new Database({
      uri: `bolt://127.0.0.1:${await closedPort()}`,
      user: 'neo4j',
      password: '',
      database: undefined,
      queryTimeoutMs: 1_000,
    });
    try {
      const response = await request(testApp(down)).get('/api/health').expect(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 503, title: 'Database unavailable' });
      const search = await request(testApp(down)).get('/api/search?q=microsoft').expect(503);
      expect(search.headers['retry-after']).toBe('5');
      expect(search.body.title).toBe('Database unavailable');
    } finally {
      await down.close();
    }
  });

  it('When a response is sent, then security headers are set and CORS is closed unless configured', async () => {
    const closed = await request(testApp(db)).get('/api/health').set('origin', 'https://evil.example');
    expect(closed.headers['x-content-type-options']).toBe('nosniff');
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    const open = await request(testApp(db, { CORS_ORIGINS: 'https://analyst.example' }))
      .get('/api/health')
      .set('origin', 'https://analyst.example');
    expect(open.headers['access-control-allow-origin']).toBe('https://analyst.example');
  });

  it('When an API route does not exist, then it is a 404 problem+json', async () => {
    const response = await request(testApp(db)).get('/api/nope').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toContain('/nope');
  });
});
