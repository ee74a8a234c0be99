import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../server/seed/prepare.js';
import { connectTestDatabase } from '../support/database.js';
import { testStore } from '../support/store.js';
import { fullReliabilityRun, ReliabilityTable } from '../support/reliability-table.js';
import { listenTestApp, type RunningServer } from '../support/server.js';

const writers = 20;
const rounds = fullReliabilityRun ? 10 : 3;
const table = new ReliabilityTable('Concurrent writers on one saved query');

describe('optimistic concurrency under concurrent writers', () => {
  const db = connectTestDatabase();
  let server: RunningServer;
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    await seedDatabase(db);
    // Single-user mode: every writer is the local admin, so only versions decide who wins.
    server = await listenTestApp(db);
    await testStore().rows("DELETE FROM saved_queries WHERE id = 'test-race'");
  });

  afterAll(async () => {
    table.print();
    await testStore().rows("DELETE FROM saved_queries WHERE id = 'test-race'");
    await server.close();
    await db.close();
  });

  it(`When ${writers} writers PUT the same version at once, ${rounds} times, then exactly one wins each round and the rest get 409`, async () => {
    const created = await send('POST', '/api/queries', { id: 'test-race', name: 'Race', query: 'RETURN 1' });
    expect(created.status).toBe(201);
    let version = 1;
    const winners: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const responses = await Promise.all(
        Array.from({ length: writers }, (_, writer) =>
          send('PUT', '/api/queries/test-race', {
            name: `Round ${round} writer ${writer}`,
            query: 'RETURN 1',
            version,
          }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      winners.push(statuses.filter((status) => status === 200).length);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 409)).toHaveLength(writers - 1);
      const current = await (await send('GET', '/api/queries/test-race')).json();
      expect(current.version).toBe(version + 1);
      version += 1;
    }
    table.add(
      `${rounds} rounds of ${writers} concurrent PUTs at one version`,
      'one winner per round, the rest 409',
      `winners per round: ${winners.join(', ')}`,
    );
    const deletes = await Promise.all(
      Array.from({ length: writers }, () => send('DELETE', `/api/queries/test-race?version=${version}`)),
    );
    expect(deletes.filter((response) => response.status === 200)).toHaveLength(1);
  });

  it('When an update and a delete race at one version, then one wins and the other gets 409 or 404, never an error', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < rounds; round++) {
      const id = `test-race-delete-${round}`;
      expect((await send('POST', '/api/queries', { id, name: 'Race', query: 'RETURN 1' })).status).toBe(201);
      const [update, remove] = await Promise.all([
        send('PUT', `/api/queries/${id}`, { name: 'Changed', query: 'RETURN 1', version: 1 }),
        send('DELETE', `/api/queries/${id}?version=1`),
      ]);
      outcomes.push(`${update.status}/${remove.status}`);
      expect([200, 404, 409]).toContain(update.status);
      expect([200, 404, 409]).toContain(remove.status);
      expect([update.status, remove.status].filter((status) => status === 200)).toHaveLength(1);
      await testStore().rows('DELETE FROM saved_queries WHERE id = $1', [id]);
    }
    table.add(`${rounds} races of an update against a delete`, 'one wins, the other 409/404', outcomes.join(', '));
  });
});
