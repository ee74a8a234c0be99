import { Neo4jError } from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { assertReadOnly } from '../../../server/console/read-only.js';
import { ProblemError } from '../../../server/http/problem.js';
import { nestedProcedureStatements } from '../../reliability/console-corpus.js';
import { connectTestDatabase } from '../../support/database.js';

describe('the plan check sees procedures called inside expressions', () => {
  const db = connectTestDatabase();
  afterAll(() => db.close());

  it('When an off-list procedure sits in a nested plan expression, then the plan alone refuses it', async () => {
    let planned = 0;
    const accepted: string[] = [];
    for (const statement of nestedProcedureStatements()) {
      let summary;
      try {
        summary = await db.explain(statement);
      } catch (error) {
        // The embedded database has no such procedure at all (it keeps only the allow-list).
        if (error instanceof Neo4jError && error.code === 'Neo.ClientError.Procedure.ProcedureNotFound') continue;
        throw error;
      }
      planned += 1;
      try {
        assertReadOnly(summary);
        accepted.push(statement);
      } catch (error) {
        expect(error).toBeInstanceOf(ProblemError);
        expect((error as ProblemError).status).toBe(403);
        expect((error as ProblemError).detail).toMatch(/procedure [\w.]+ is not on the allow-list/);
      }
    }
    expect(accepted).toEqual([]);
    // Even the embedded database keeps a few off-list procedures for the API itself (db.stats.retrieve…).
    expect(planned).toBeGreaterThanOrEqual(40);
  }, 120_000);
});
