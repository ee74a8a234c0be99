import { describe, expect, it } from 'vitest';
import { assertNamedProceduresAllowed } from '../../../server/console/read-only.js';
import { ProblemError } from '../../../server/http/problem.js';
import { legitimateReads, nestedProcedureStatements } from '../../reliability/console-corpus.js';

function refusal(query: string): string | undefined {
  try {
    assertNamedProceduresAllowed(query);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(403);
    return (error as ProblemError).detail;
  }
}

describe('procedures named in the text of a statement', () => {
  it('When an off-list procedure is called inside any expression form, then it is refused by name', () => {
    const statements = nestedProcedureStatements();
    expect(statements.length).toBeGreaterThan(300);
    for (const statement of statements) expect(refusal(statement), statement).toMatch(/is not on the allow-list/);
    expect(refusal('RETURN [x IN [1] | COUNT { CALL db.prepareForReplanning() }] AS c')).toMatch(
      /db\.prepareForReplanning/,
    );
  });

  it('When the name is quoted, escaped, spaced or commented, then it is still read', () => {
    for (const query of [
      'RETURN COUNT { CALL `db`.`info`() YIELD id RETURN id } AS c',
      'RETURN COUNT { CALL `db.info`() YIELD id RETURN id } AS c',
      'RETURN COUNT { \\u0043ALL db.info() YIELD id RETURN id } AS c',
      'RETURN COUNT { call db . /* x */ info ( ) YIELD id RETURN id } AS c',
      'CALL dbms.listConfig',
      'OPTIONAL CALL db.info() YIELD id RETURN id',
    ]) {
      expect(refusal(query), query).toMatch(/db\.info|db\.info|dbms\.listConfig/);
    }
  });

  it('When CALL is a subquery, a variable or a property, or sits in a string, then nothing is refused', () => {
    for (const query of [
      ...legitimateReads,
      'CALL () { RETURN 1 AS x } RETURN x',
      'MATCH (n) CALL (n) { RETURN n.name AS name } RETURN name',
      'WITH 1 AS call RETURN call AS c',
      'WITH {call: 1} AS m RETURN m.call',
      "RETURN 'CALL dbms.listConfig()' AS text",
      'RETURN COUNT { CALL db.labels() YIELD label RETURN label } AS c',
    ]) {
      expect(refusal(query), query).toBeUndefined();
    }
  });
});
