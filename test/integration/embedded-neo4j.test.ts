import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/neo4j/database.js';
import { embeddedProcedureAllowlist, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/neo4j/embedded.js';

const options = { boltPort: 0, heapMb: 512, pageCacheMb: 64 };

function connect(instance: EmbeddedNeo4j) {
  return new Database({ uri: instance.uri, user: 'neo4j', password: '', database: undefined, queryTimeoutMs: 10_000 });
}

// This file starts its own embedded Neo4j (not the run's shared one) because it stops and restarts it.
describe('embedded Neo4j', () => {
  let home: string;
  let instance: EmbeddedNeo4j;
  let db: Database;

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'entente-embedded-'));
    instance = await startEmbeddedNeo4j({ home, ...options });
    db = connect(instance);
  });

  afterAll(async () => {
    await db?.close();
    await instance?.stop();
    await rm(home, { recursive: true, force: true });
  });

  it('When nodes are written over Bolt, then they are read back with their properties', async () => {
    await db.write('UNWIND $names AS name CREATE (:Probe {name: name})', { names: ['alpha', 'beta'] });
    const { records } = await db.read<{ name: string }>('MATCH (p:Probe) RETURN p.name AS name ORDER BY name');
    expect(records.map((r) => r.get('name'))).toEqual(['alpha', 'beta']);
  });

  it('When a uniqueness constraint exists, then a duplicate is rejected with the constraint error code', async () => {
    await db.write('CREATE CONSTRAINT probe_key IF NOT EXISTS FOR (p:Keyed) REQUIRE p.key IS UNIQUE');
    await db.write('CREATE (:Keyed {key: 1})');
    await expect(db.write('CREATE (:Keyed {key: 1})')).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
    });
  });

  it('When a built-in procedure off the allow-list is called over Bolt, then the database has no such procedure', async () => {
    for (const call of [
      'CALL dbms.listConfig()',
      'CALL db.prepareForReplanning()',
      "CALL db.stats.collect('QUERIES')",
    ]) {
      await expect(db.read(call), call).rejects.toMatchObject({ code: 'Neo.ClientError.Procedure.ProcedureNotFound' });
    }
    const { records } = await db.read('SHOW PROCEDURES YIELD name RETURN collect(name) AS names');
    expect([...(records[0]!.get('names') as string[])].sort()).toEqual([...embeddedProcedureAllowlist].sort());
  });

  it('When statements have run, then the query collector holds none of them', async () => {
    await db.read("MATCH (p:Probe {name: 'secret-statement'}) RETURN p");
    const { records } = await db.read("CALL db.stats.retrieve('QUERIES') YIELD data RETURN count(data) AS n");
    expect(Number(records[0]!.get('n'))).toBe(0);
  });

  // Starting a JVM takes a while on a busy 2-core machine: the two tests that start one get more time.
  const jvmStart = 180_000;

  it(
    'When a second instance opens the same store, then it fails fast naming the store and nothing is lost',
    async () => {
      await expect(startEmbeddedNeo4j({ home, ...options })).rejects.toThrow(/in use by another process/);
      const { records } = await db.read<{ count: number }>('MATCH (p:Probe) RETURN count(p) AS count');
      expect(Number(records[0]?.get('count'))).toBe(2);
    },
    jvmStart,
  );

  it(
    'When the database is stopped and started on the same folder, then the data is still there',
    async () => {
      await db.close();
      await instance.stop();
      instance = await startEmbeddedNeo4j({ home, ...options });
      db = connect(instance);
      const { records } = await db.read<{ names: string[] }>(
        'MATCH (p:Probe) WITH p ORDER BY p.name RETURN collect(p.name) AS names',
      );
      expect(records[0]?.get('names')).toEqual(['alpha', 'beta']);
      await expect(db.write('CREATE (:Keyed {key: 1})')).rejects.toMatchObject({
        code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
      });
    },
    jvmStart,
  );

  it(
    'When the JVM dies and is stopped before its restart, then stop ends the wait for the restart and starts nothing',
    async () => {
      const restarts: number[] = [];
      let noticed = false;
      // The restart waits ten minutes: stop() returning within the test's time shows it cut that wait short.
      const supervised = await startEmbeddedNeo4j(
        { ...options, home: await mkdtemp(path.join(tmpdir(), 'entente-embedded-stop-')) },
        { restarting: () => (noticed = true), restarted: (pid) => restarts.push(pid), gaveUp() {} },
        { restartDelaysMs: [600_000], crashWindowMs: 600_000, stableAfterMs: 600_000 },
      );
      process.kill(supervised.pid, 'SIGKILL');
      await expect.poll(() => noticed, { timeout: 10_000 }).toBe(true);
      await supervised.stop();
      // stop() settles the pending restart before it returns, so nothing can start after this point.
      expect(restarts).toEqual([]);
      await rm(supervised.home, { recursive: true, force: true });
    },
    jvmStart,
  );
  it(
    'When the JVM exits soon after each start, then the supervisor gives up once; an exit after a stable run counts afresh',
    async () => {
      const events: string[] = [];
      let restarted = () => {};
      const supervised = await startEmbeddedNeo4j(
        { ...options, home: await mkdtemp(path.join(tmpdir(), 'entente-embedded-loop-')) },
        {
          restarting: (_reason, attempt) => events.push(`restarting ${attempt}`),
          restarted: () => restarted(),
          gaveUp: () => events.push('gave up'),
        },
        { restartDelaysMs: [10], crashWindowMs: 600_000, stableAfterMs: 4_000 },
      );
      const killAndRestart = () =>
        new Promise<void>((resolve) => {
          restarted = resolve;
          process.kill(supervised.pid, 'SIGKILL');
        });
      try {
        await killAndRestart();
        const restartedAt = Date.now();
        // Served past stableAfterMs (waited on while the restarted database answers queries): its exit is not
        // part of a crash loop, so it is restarted as attempt 1 again.
        const restartedDb = connect(supervised);
        try {
          await expect
            .poll(
              async () => {
                await restartedDb.read('RETURN 1 AS one');
                return Date.now() - restartedAt > 4_000;
              },
              { timeout: 30_000, interval: 250 },
            )
            .toBe(true);
        } finally {
          await restartedDb.close();
        }
        await killAndRestart();
        // A second exit right after that start: no delay is left for it, so the supervisor gives up.
        process.kill(supervised.pid, 'SIGKILL');
        await expect.poll(() => events, { timeout: 10_000 }).toContain('gave up');
        expect(events).toEqual(['restarting 1', 'restarting 1', 'gave up']);
      } finally {
        await supervised.stop();
        await rm(supervised.home, { recursive: true, force: true });
      }
    },
    jvmStart * 3,
  );
});
