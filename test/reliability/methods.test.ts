import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { connectTestDatabase } from '../support/database.js';

describe('methods on health and the API docs', () => {
  const db = connectTestDatabase();
  const api = () => request(testApp(db));
  afterAll(() => db.close());

  it.each(['post', 'put', 'delete', 'patch', 'trace'] as const)(
    'When %s is sent to /api/health, /api/docs or /api/openapi.json, then it is a 405 allowing GET and HEAD',
    async (method) => {
      for (const path of ['/api/health', '/api/docs/', '/api/docs', '/api/openapi.json']) {
        const response = await api()[method](path);
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.allow).toBe('GET, HEAD');
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    },
  );

  it('When the OpenAPI document is read, then it describes /api/health', async () => {
    const { body } = await api().get('/api/openapi.json').expect(200);
    expect(Object.keys(body.paths['/api/health'])).toEqual(['get']);
    expect(body.paths['/api/health'].get.responses['200']).toBeDefined();
    expect(body.paths['/api/health'].get.responses['503']).toBeDefined();
    await api().get('/api/docs/').expect(200);
    await api().get('/api/health').expect(200);
  });
});
