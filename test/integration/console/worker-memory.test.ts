import { afterAll, describe, expect, inject, it } from 'vitest';
import { ConsoleRunner } from '../../../server/console/console.pool.js';
import { NodeIdentity } from '../../../server/graph/identity.js';
import { ProblemError } from '../../../server/http/problem.js';

describe('a console worker out of heap', () => {
  // A small heap, so that a dozen long strings exhaust it.
  const runner = new ConsoleRunner(inject('neo4j'), {
    maxRows: 5_000,
    maxValues: 1_000_000,
    timeoutMs: 60_000,
    concurrency: 1,
    workerHeapMb: 96,
  });
  afterAll(() => runner.close());

  it('When a result of a dozen values needs more heap than the worker has, then the 413 says memory, not values', async () => {
    const query = "WITH reduce(s = 'x', i IN range(1, 23) | s + s) AS s UNWIND range(1, 24) AS i RETURN s";
    const error = await runner.run(new NodeIdentity(), query, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(413);
    expect((error as ProblemError).detail).toMatch(/more memory than a console worker has \(96 MiB\)/);
    expect((error as ProblemError).detail).not.toMatch(/values/);
  }, 90_000);
});
