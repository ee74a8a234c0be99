import { createEntenteClient } from '@entente/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../server/seed/prepare.js';
import { keyOf } from '../../support/accounts.js';
import { connectTestDatabase } from '../../support/database.js';
import { listenTestApp, type RunningServer } from '../../support/server.js';

// The package API consumers install, against the real app over HTTP, with accounts on and an API key.
const db = connectTestDatabase();
let server: RunningServer;

beforeAll(async () => {
  await seedDatabase(db);
  server = await listenTestApp(db, { ENTENTE_AUTH: 'on' });
});
afterAll(async () => {
  await server?.close();
  await db.close();
});

describe('@entente/client', () => {
  it('When a consumer reads with a key, then the answers are the typed shapes of the API', async () => {
    const entente = createEntenteClient(server.url, { apiKey: await keyOf('viewer') });
    const { data: found, error } = await entente.GET('/api/search', { params: { query: { q: 'openai', limit: 3 } } });
    expect(error).toBeUndefined();
    const hit = found!.results.find((result) => result.id === 'openai');
    expect(hit).toMatchObject({ id: 'openai', labels: expect.arrayContaining(['Company']) });

    const { data: neighbours } = await entente.GET('/api/nodes/{id}/neighbours', {
      params: { path: { id: 'openai' }, query: { limit: 5 } },
    });
    expect(neighbours!.nodes.map((node) => node.id)).toContain('openai');
    expect(neighbours!.edges.length).toBeGreaterThan(0);

    const ids = neighbours!.nodes.map((node) => node.id);
    const { data: subgraph } = await entente.POST('/api/subgraph', { body: { ids } });
    expect(new Set(subgraph!.nodes.map((node) => node.id))).toEqual(new Set(ids));
  });

  it('When the key may not do something, then the error is the problem the API answered', async () => {
    const entente = createEntenteClient(server.url, { apiKey: await keyOf('viewer') });
    const { data, error, response } = await entente.POST('/api/cypher', { body: { query: 'RETURN 1', params: {} } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ status: 403, type: expect.stringMatching(/^\/problems\//) });
  });

  it('When there is no key, then the API refuses the read as unauthenticated', async () => {
    const entente = createEntenteClient(server.url);
    const { error, response } = await entente.GET('/api/schema');
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 401, type: '/problems/unauthenticated' });
  });

  it('When a write is made with a key, then it is stored and read back', async () => {
    const entente = createEntenteClient(server.url, { apiKey: await keyOf('analyst') });
    const { data: created, error } = await entente.POST('/api/investigations', {
      body: {
        title: 'Typed client probe',
        view: {
          ...{ ids: ['openai'], edges: [], positions: { openai: { x: 0, y: 0 } } },
          ...{ hiddenLabels: [], hiddenTypes: [], layout: 'fcose' },
        },
      },
    });
    expect(error).toBeUndefined();
    const { data: read } = await entente.GET('/api/investigations/{id}', { params: { path: { id: created!.id } } });
    expect(read).toMatchObject({ id: created!.id, title: 'Typed client probe' });
    await entente.DELETE('/api/investigations/{id}', { params: { path: { id: created!.id } } });
  });
});
