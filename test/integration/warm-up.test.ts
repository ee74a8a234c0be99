import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../server/seed/prepare.js';
import { warmUp, warmUpApp } from '../../server/warm-up.js';
import { testApp } from '../support/app.js';
import { connectTestDatabase } from '../support/database.js';
import { emptyDatabase } from '../support/graphs.js';
import { listenTestApp, type RunningServer } from '../support/server.js';

describe('warming the database up before serving', () => {
  const db = connectTestDatabase();
  let server: RunningServer;

  beforeAll(async () => {
    await seedDatabase(db);
    server = await listenTestApp(db);
  });

  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('When a server warms up, then every everyday route is asked once and answers', async () => {
    const report = await warmUp(server.url);
    expect(report).toMatchObject({ requests: 8, failed: 0 });
  });

  it('When an app is warmed before it serves, then its routes are asked on a private port and answer', async () => {
    const report = await warmUpApp(testApp(db));
    expect(report.failed).toBe(0);
    expect(report.requests).toBeGreaterThan(1);
  });

  it('When the database is empty, then warming up asks the schema and search only, and fails nothing', async () => {
    await emptyDatabase(db);
    const report = await warmUp(server.url);
    expect(report).toEqual({ ms: expect.any(Number), requests: 2, failed: 0 });
    await seedDatabase(db);
  });
});
