import { describe, expect, it } from 'vitest';
import { escapeName, name, Name, names } from '../../../server/neo4j/names.js';

describe('escapeName', () => {
  it.each([
    ['Company', '`Company`'],
    ['Has Space', '`Has Space`'],
    ['back`tick', '`back``tick`'],
    ['unicode\\u0060tick', '`unicode\\u005Cu0060tick`'],
    ['C:\\users', '`C:\\u005Cusers`'],
    ['a`) DETACH DELETE (n', '`a``) DETACH DELETE (n`'],
  ])('When the name is %j, then it is quoted as %s', (raw, escaped) => {
    expect(escapeName(raw)).toBe(escaped);
  });
});

describe('Name', () => {
  it('When a name is made, then it holds the escaped name', () => {
    expect(name('A`B')).toBeInstanceOf(Name);
    expect(String(name('A`B'))).toBe('`A``B`');
  });

  it('When several names are made one expression, then each is escaped and they are joined', () => {
    expect(String(names(['A', 'B|C'], '|'))).toBe('`A`|`B|C`');
    expect(String(names(['A', 'B'], ':'))).toBe('`A`:`B`');
  });

  it('When no names are given, then making an expression fails (it would not parse)', () => {
    expect(() => names([], '|')).toThrow(/at least one/);
  });

  it('When a Name is made other than by name() or names(), then it fails', () => {
    // @ts-expect-error The constructor takes a token only names.ts holds.
    expect(() => new Name(Symbol('escaped'), 'Label')).toThrow(/name\(\)/);
  });
});
