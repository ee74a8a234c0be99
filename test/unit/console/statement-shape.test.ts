import { describe, expect, it } from 'vitest';
import { assertReasonableShape, maxChain, maxNesting, maxOperators } from '../../../server/console/read-only.js';
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
    ['1,000 property lookups in a row', `WITH {a: 1} AS m RETURN m${'.a'.repeat(1000)}`, /More than 200/],
    ['a 1,000-step pattern', `MATCH ()${'--()'.repeat(1000)} RETURN 1`, /pattern joins more than 500/],
    ['5,000 additions in a row', `RETURN ${chain(5000, '1', ' + ')}`, /joins/],
    ['2,000 conditions joined by AND', `RETURN ${chain(2000, 'true', ' AND ')}`, /joins/],
    ['1,000 label negations (1 KB)', `MATCH (n:${'!'.repeat(1000)}Company) RETURN n`, /nested more than 64/],
    ['3,000 subscripts in a row', `WITH {a: 1} AS m RETURN m${'["a"]'.repeat(3000)}`, /More than 200/],
    ['400 subscripts in a row', `WITH {a: 1} AS m RETURN m${'["a"]'.repeat(400)}`, /More than 200/],
    ['400 property lookups in a row', `WITH {a: 1} AS m RETURN m${'.a'.repeat(400)}`, /More than 200/],
    ['subscripts holding sums', `WITH {a: 1} AS m RETURN m${'[0 + 0]'.repeat(400)}`, /More than 200/],
    ['lookups and subscripts mixed', `WITH {a: 1} AS m RETURN m${'.a["a"]'.repeat(150)}`, /More than 200/],
    ['3,000 labels on one node', `MATCH (n${':A'.repeat(3000)}) RETURN n`, /More than 200/],
  ])('When it has %s, then it is a 400 saying why', (_what, query, detail) => {
    expect(refusal(query)).toMatch(detail);
  });

  it.each([
    [
      'maps whose values close a CASE',
      `RETURN ${'[{a: CASE WHEN true THEN 1 END}, '.repeat(1000)}1${']'.repeat(1000)}`,
    ],
    ['a variable named end', `WITH 1 AS end RETURN ${'[end, '.repeat(1000)}1${']'.repeat(1000)}`],
    ['a CASE left open inside brackets', `RETURN ${'(CASE '.repeat(40)}${'('.repeat(40)}`],
  ])('When brackets 1,000 deep hide behind %s, then the depth still counts', (_what, query) => {
    expect(refusal(query)).toMatch(/nested more than 64/);
  });

  it('When a statement is long but shallow, then it passes', () => {
    const properties = Array.from({ length: 260 }, (_, index) => `n.p${index}`).join(', ');
    expect(refusal(`MATCH (n), (m) RETURN ${properties}, ${properties.replaceAll('n.', 'm.')}`)).toBeUndefined();
    expect(
      refusal(Array<string>(60).fill("MATCH (n) WHERE n.a = 1 AND n.b <> 'x' RETURN n.c AS c").join(' UNION ALL ')),
    ).toBeUndefined();
    expect(refusal(`RETURN [${Array.from({ length: 600 }, (_, index) => -index).join(', ')}] AS l`)).toBeUndefined();
    expect(
      refusal(`RETURN ${Array.from({ length: 70 }, (_, index) => `{case: ${index}}`).join(', ')}`),
    ).toBeUndefined();
    expect(refusal(Array<string>(502).fill('RETURN 1 AS x').join(' UNION '))).toMatch(/UNION/);
  });

  it('When postfix chains stay at the limit or are broken up, then the statement passes', () => {
    expect(refusal(`WITH {a: 1} AS m RETURN m${'.a'.repeat(maxChain)}`)).toBeUndefined();
    expect(refusal(`WITH {a: 1} AS m RETURN m${'["a"]'.repeat(maxChain)}`)).toBeUndefined();
    expect(refusal(`MATCH (n${':A'.repeat(maxChain)}) RETURN n`)).toBeUndefined();
    expect(refusal(`MATCH (n:${'!'.repeat(maxNesting)}Company) RETURN n`)).toBeUndefined();
    // 240 lookups in all, but no more than two in a row.
    expect(refusal(`WITH {a: {a: 1}} AS m RETURN ${chain(120, 'm.a.a', ' AND ')}`)).toBeUndefined();
    expect(refusal(`RETURN ${chain(300, '[1, 2][0]', ' + ')}`)).toBeUndefined();
    expect(
      refusal(`RETURN {${Array.from({ length: 300 }, (_, index) => `k${index}: ${index}`).join(', ')}} AS m`),
    ).toBeUndefined();
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
