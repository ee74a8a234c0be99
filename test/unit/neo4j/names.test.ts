import { describe, expect, it } from 'vitest';
import { escapeName, expandEach, fillTemplate } from '../../../server/neo4j/names.js';

describe('escapeName', () => {
  it.each([
    ['Company', '`Company`'],
    ['Has Space', '`Has Space`'],
    ['back`tick', '`back``tick`'],
    ['unicode\\u0060tick', '`unicode\\u005Cu0060tick`'],
    ['C:\\users', '`C:\\u005Cusers`'],
    ['a`) DETACH DELETE (n', '`a``) DETACH DELETE (n`'],
  ])('When the name is %j, then it is quoted as %s', (name, escaped) => {
    expect(escapeName(name)).toBe(escaped);
  });
});

describe('query templates', () => {
  it('When a slot is filled, then the name is escaped', () => {
    expect(fillTemplate('MATCH (n:{{label}})', { label: 'A`B' })).toBe('MATCH (n:`A``B`)');
  });

  it('When a slot has no value, then it fails instead of leaving it in the query', () => {
    expect(() => fillTemplate('MATCH (n:{{label}})', {})).toThrow('{{label}}');
  });

  it('When a marker line is expanded, then it becomes one fragment per name', () => {
    const query = 'RETURN [\n  // @each-type\n] AS x';
    expect(expandEach(query, 'each-type', 'size({{type}})', 'type', ['A', 'B'], ', ')).toBe(
      'RETURN [\nsize(`A`), size(`B`)\n] AS x',
    );
  });
});
