import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { asOfDate, cypherDate } from '../../../server/graph/as-of.js';

describe('days into Cypher dates, one way', () => {
  it('When a day is converted, then it is the Cypher date of that day, a leap day included', () => {
    const date = cypherDate('2024-02-29');
    expect(neo4j.isDate(date)).toBe(true);
    expect([date.year, date.month, date.day]).toEqual([2024, 2, 29]);
    expect(date.toString()).toBe('2024-02-29');
  });

  it('When asOf is missing, then it is null ("any time"); when given, it is the same conversion', () => {
    expect(asOfDate(undefined)).toBeNull();
    expect(asOfDate('')).toBeNull();
    expect(asOfDate('1999-12-31')!.toString()).toBe(cypherDate('1999-12-31').toString());
  });
});
