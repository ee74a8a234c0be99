import { createServer, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toProblem } from '../../../server/http/problem.js';
import { Database, DatabaseBusyError, DatabaseUnansweredError } from '../../../server/neo4j/database.js';

describe('Database: waits for a connection are bounded', () => {
  const db = new Database(inject('neo4j'), { maxConnections: 1, connectionWaitMs: 1_000 });
  afterAll(() => db.close());

  it('When every connection stays busy past the wait, then the next query fails as busy, a 503 to clients', async () => {
    // The one connection is made first: on a busy machine, making it can take longer than the wait itself.
    await db.read('RETURN 1 AS one');
    const slow = db.read('UNWIND range(1, 30000000) AS i WITH i WHERE i % 7 = 100 RETURN count(i) AS n');
    const waiting = db.read('RETURN 1 AS one');
    const error = await waiting.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect(toProblem(error)).toMatchObject({ status: 503, slug: 'database-unavailable' });
    await slow;
    const { records } = await db.read('RETURN 1 AS one');
    expect(Number(records[0]!.get('one'))).toBe(1);
  });
});

describe('Database: a database that takes connections and never answers', () => {
  // A port that accepts connections and then says nothing, as a JVM recovering after a crash does for a while.
  const silent = createServer((socket) => sockets.add(socket));
  const sockets = new Set<Socket>();
  let db: Database;

  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    db = new Database({
      uri: `bolt://127.0.0.1:${port}`,
      user: 'neo4j',
      password: '',
      database: undefined,
      queryTimeoutMs: 1_000,
    });
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await db.close().catch(() => undefined);
    await new Promise((resolve) => silent.close(resolve));
  });

  it('When a read gets no answer, then it fails as unanswered past its timeout and grace, a 503 to clients', async () => {
    const started = performance.now();
    const error = await db.read('RETURN 1 AS one').catch((caught: unknown) => caught);
    const waited = performance.now() - started;
    expect(error).toBeInstanceOf(DatabaseUnansweredError);
    expect(toProblem(error)).toMatchObject({ status: 503, slug: 'database-unavailable' });
    expect(toProblem(error).detail).toMatch(/did not answer within 4 s/);
    // Not before its deadline (the 1 s timeout and the 3 s grace); the upper bound is only that it ended.
    expect(waited).toBeGreaterThanOrEqual(3_900);
  });
});
