import { afterAll, describe, expect, inject, it } from 'vitest';
import { toProblem } from '../../../server/http/problem.js';
import { Database, DatabaseBusyError } from '../../../server/neo4j/database.js';

describe('Database: waits for a connection are bounded', () => {
  const db = new Database(inject('neo4j'), { maxConnections: 1, connectionWaitMs: 300 });
  afterAll(() => db.close());

  it('When every connection stays busy past the wait, then the next query fails as busy, a 503 to clients', async () => {
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
