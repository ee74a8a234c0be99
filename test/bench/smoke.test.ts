import { afterAll, describe, expect, it } from 'vitest';
import { runBenchmark } from './benchmark.js';
import { connectTestDatabase } from '../support/database.js';
import { testStore } from '../support/store.js';

// The benchmark's quick configuration as a smoke test: it must complete and print its table. No timing
// is asserted here; the figures mean something only in a full run on an idle machine.
describe('npm run bench -- --quick', () => {
  const db = connectTestDatabase();
  afterAll(() => db.close());

  it('When the quick benchmark runs, then it completes and prints every row of its table', async () => {
    const table = await runBenchmark(db, testStore(), { quick: true });
    console.log(table);
    for (const row of [
      'search "micro"',
      'neighbours page (default dataset: microsoft)',
      'simplest read p95',
      'relationships menu (supernode)',
      'neighbours page (supernode)',
      'paths (ends of a 3-step walk)',
      'subgraph of 500 ids',
      'bare node:http',
      'Server RSS',
      'NDJSON export of the whole graph',
      'plain driver read of the same records to /dev/null',
      '304 ÷ full answer',
      '| 300 / 600 |',
      '| Entente: ForceAtlas2 and noverlap in a web worker, data arriving to final positions | 300 |',
      'bare Cytoscape: cose, on the main thread',
      '300 nodes laid out stable in under 10 s',
      'first frame within 1.2× of bare Cytoscape',
      '| Louvain and PageRank | 300 / 600 |',
      'Louvain and PageRank on 300 nodes in the worker',
      'no main-thread task over 100 ms drawing the final positions',
      'open it as an investigation (view and graph, together)',
      'investigation opens within 1.5× of the shared link (p50)',
      '100 saves moving one node each store far less than 100 copies',
      'a page of 10,000 investigations',
    ]) {
      expect(table).toContain(row);
    }
    expect(table).not.toContain('failed:');
    const { records } = await db.read('MATCH (n:BenchNode) RETURN count(n) AS left');
    expect(Number(records[0]!.get('left'))).toBe(0);
  }, 300_000);
});
