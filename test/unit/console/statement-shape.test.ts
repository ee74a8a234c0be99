import { describe, expect, it } from 'vitest';
import { assertReasonableShape, maxNesting, maxOperators } from '../../../server/console/read-only.js';
import { ProblemError } from '../../../server/http/problem.js';
import { hostileStatements, legitimateReads } from '../../reliability/console-corpus.js';

function refusal(query: string): string | undefined {
  try {
    assertReasonableShape(query);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(400);
    return (error as ProblemError).detail;
  }
}

const chain = (count: number, item: string, joint: string) => Array<string>(count).fill(item).join(joint);

describe('a statement shape Neo4j cannot parse is refused before it is sent', () => {
  // Each shape below was measured to leave Neo4j 5.26's parser without an answer.
  it.each([
    ['NOT repeated 500 times', `RETURN ${'NOT '.repeat(500)}true`, /nested more than 64/],
    ['CASE nested 300 deep', `RETURN ${'CASE WHEN true THEN '.repeat(300)}1${' END'.repeat(300)}`, /nested/],
    ['brackets 1,000 deep', `RETURN ${'('.repeat(1000)}1${')'.repeat(1000)}`, /nested/],
    ['brackets written as unicode escapes', `RETURN ${'\\u005B'.repeat(100)}${'\\u005D'.repeat(100)}`, /nested/],
    ['1,000 property lookups in a row', `WITH {a: 1} AS m RETURN m${'.a'.repeat(1000)}`, /joins more than 500/],
    ['a 1,000-step pattern', `MATCH ()${'--()'.repeat(1000)} RETURN 1`, /pattern steps/],
    ['5,000 additions in a row', `RETURN ${chain(5000, '1', ' + ')}`, /joins/],
    ['2,000 conditions joined by AND', `RETURN ${chain(2000, 'true', ' AND ')}`, /joins/],
  ])('When it has %s, then it is a 400 saying why', (_what, query, detail) => {
    expect(refusal(query)).toMatch(detail);
  });

  it('When nesting or joins stay at the limits, then the statement passes', () => {
    expect(refusal(`RETURN ${'('.repeat(maxNesting)}1${')'.repeat(maxNesting)}`)).toBeUndefined();
    expect(refusal(`RETURN ${'NOT '.repeat(maxNesting)}true`)).toBeUndefined();
    expect(refusal(`RETURN ${chain(maxOperators + 1, '1', ' + ')}`)).toBeUndefined();
    expect(refusal(`RETURN ${chain(maxOperators + 2, '1', ' + ')}`)).toMatch(/joins/);
  });

  it('When brackets, keywords or operators sit in strings, names or comments, then they do not count', () => {
    const inside = '((((CASE NOT NOT + + . AND'.repeat(100);
    expect(
      refusal(`RETURN '${inside}' AS a, "${inside}" AS \`${inside}\` // ${inside}\n/* ${inside} */`),
    ).toBeUndefined();
    expect(
      refusal(`MATCH (n)-[r]->(m) WHERE r.case = 1 OR n:Case RETURN r.end, ${'n.not, '.repeat(40)}1`),
    ).toBeUndefined();
  });

  it('When a statement lists thousands of literal values, then it passes (commas do not nest)', () => {
    expect(refusal(`MATCH (n) WHERE n.id IN [${chain(4000, "'x'", ', ')}] RETURN n`)).toBeUndefined();
  });

  it('When the console corpus is read, then every everyday read passes and no hostile statement trips the shape check', () => {
    for (const query of [...legitimateReads, ...hostileStatements('http://127.0.0.1:9')]) {
      expect(refusal(query), query).toBeUndefined();
    }
  });
});
