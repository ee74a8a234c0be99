import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Database } from '../../server/neo4j/database.js';
import { seedDatabase } from '../../server/seed/prepare.js';
import { testApp } from '../support/app.js';
import { expectWithinInFullRun, ReliabilityTable } from '../support/reliability-table.js';
import { testStore } from '../support/store.js';

const table = new ReliabilityTable('Untrusted Cypher text: parser-breaking shapes and where saves are checked');

/** Shapes that overflowed Neo4j 5.26's parser (a StackOverflowError in its log, no answer on the connection). */
const parserBreaking: [string, string][] = [
  ['1,000 label negations (1 KB)', `MATCH (n:${'!'.repeat(1000)}Company) RETURN n`],
  ['3,000 subscripts in a row', `WITH {a: 1} AS m RETURN m${'["a"]'.repeat(3000)}`],
  ['400 property lookups in a row', `WITH {a: 1} AS m RETURN m${'.a'.repeat(400)}`],
  ['3,000 labels on one node', `MATCH (n${':A'.repeat(3000)}) RETURN n`],
];

describe('untrusted Cypher text', () => {
  // The explorer's pool, one connection wide, so that a test can keep it busy.
  const db = new Database(inject('neo4j'), { maxConnections: 1, connectionWaitMs: 3_000 });
  let api: () => ReturnType<typeof request>;

  beforeAll(async () => {
    await seedDatabase(db);
    // Single-user mode: the caller is the local admin, who may save queries.
    const app = testApp(db, { CYPHER_TIMEOUT_MS: '4000', CYPHER_RATE_LIMIT_PER_MINUTE: '1000' });
    api = () => request(app);
  });

  afterAll(async () => {
    table.print();
    await testStore().rows("DELETE FROM saved_queries WHERE id LIKE 'test-untrusted%'");
    await db.close();
  });

  it.each(parserBreaking)('When the console or a save gets %s, then it is a 400 at once', async (what, query) => {
    const started = performance.now();
    const console = await api().post('/api/cypher').send({ query });
    const save = await api().post('/api/queries').send({ id: 'test-untrusted-shape', name: 'shape', query });
    const elapsed = Math.round(performance.now() - started);
    table.add(
      what,
      'console 400, save 400, no wait',
      `console ${console.status}, save ${save.status} in ${elapsed} ms`,
    );
    expect(console.status, console.text).toBe(400);
    expect(save.status, save.text).toBe(400);
    expect(console.headers['content-type']).toMatch(/problem\+json/);
    expectWithinInFullRun(elapsed, 3_000, 'both answers');
  });

  it('When the explorer’s connections are all busy, then a save is still checked, on the console’s own', async () => {
    // Holds the only connection of the explorer's pool for a few seconds.
    const busy = db
      .read('UNWIND range(1, 2000000000) AS i WITH i WHERE i = -1 RETURN count(i)', {}, { timeoutMs: 6_000 })
      .catch(() => undefined);
    // Waits until that statement runs in the database, seen from a connection of its own.
    const watcher = new Database(inject('neo4j'));
    try {
      await expect
        .poll(async () => {
          const { records } = await watcher.read(
            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range(1, 2000000000)' RETURN count(*) AS n",
          );
          return Number(records[0]!.get('n'));
        })
        .toBeGreaterThan(0);
    } finally {
      await watcher.close();
    }
    const started = performance.now();
    const save = await api()
      .post('/api/queries')
      .send({ id: 'test-untrusted-write', name: 'write', query: 'MATCH (n) SET n.hacked = true' });
    const elapsed = Math.round(performance.now() - started);
    await busy;
    table.add(
      'a save of a write while the explorer pool is busy',
      '403 from the console’s worker, not a 503 from the pool',
      `${save.status} in ${elapsed} ms`,
    );
    expect(save.status, save.text).toBe(403);
    expectWithinInFullRun(elapsed, 2_500, 'the save');
  }, 30_000);
});
