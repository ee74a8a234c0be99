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

describe('Database: a request waits for a turn no longer than its own deadline', () => {
  // A request's reads must be answered within the query timeout and its grace: here 1 s + 3 s, while the
  // line alone would wait 30 s for a turn.
  const db = new Database(
    { ...inject('neo4j'), queryTimeoutMs: 1_000 },
    { maxConnections: 1, connectionWaitMs: 30_000 },
  );
  afterAll(() => db.close());

  it('When the one place stays taken, then a read of a request fails as busy at the request deadline, not after the line wait', async () => {
    let free!: () => void;
    const taken = db.writeTransaction(() => new Promise<void>((resolve) => (free = resolve)));
    const started = performance.now();
    const error = await new Promise<unknown>((settle) =>
      db.serveWithin(() => void db.read('RETURN 1 AS one').then(settle, settle)),
    );
    const waited = performance.now() - started;
    free();
    // The held transaction itself outlived its 1 s timeout: Neo4j ended it, which is not what is tested.
    await taken.catch(() => undefined);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect(toProblem(error)).toMatchObject({ status: 503 });
    // The request's deadline (4 s), far short of the line's own wait (30 s).
    expect(waited).toBeGreaterThanOrEqual(3_900);
    expect(waited).toBeLessThan(20_000);
  });
});

describe("Database: the graph's version", () => {
  const db = new Database(inject('neo4j'));
  afterAll(() => db.close());

  it('When a write commits, then the version changes; with none between, two reads give the same version', async () => {
    const first = await db.graphVersion();
    expect(first).toEqual(expect.any(String));
    expect(await db.graphVersion()).toBe(first);
    await db.write("MERGE (n:VersionProbe {id: 'version-probe'}) SET n.at = timestamp()");
    const after = await db.graphVersion();
    expect(after).not.toBe(first);
    await db.write("MATCH (n:VersionProbe {id: 'version-probe'}) DELETE n");
  });

  it('When many callers ask at once, then each gets the version (they share the reads) and it is the same', async () => {
    const versions = await Promise.all(Array.from({ length: 50 }, () => db.graphVersion()));
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toEqual(expect.any(String));
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

  it("When the graph's version gets no answer, then there is none (null) after its short wait, not an error", async () => {
    const started = performance.now();
    expect(await db.graphVersion()).toBeNull();
    // Its own wait (1 s), well short of a read's deadline (4 s here).
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
