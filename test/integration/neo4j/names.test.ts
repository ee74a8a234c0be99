import { afterAll, describe, expect, it } from 'vitest';
import { escapeName } from '../../../server/neo4j/names.js';
import { connectTestDatabase } from '../../support/database.js';

/** Names a foreign database may hold: every character class that quoting can get wrong, mixed at random. */
function generatedNames(count: number, seed: number): string[] {
  const pieces = [
    '\\',
    '\\u',
    '\\u0060',
    '\\u005C',
    '`',
    '``',
    "'",
    '"',
    '\n',
    '\t',
    ' ',
    ':',
    'C:\\users',
    'é',
    'ß',
    '東京',
    'Ж',
    '}',
    ')',
    '$',
    '//',
    'a',
    'Z',
    '0',
  ];
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 5) }, () => pieces[Math.floor(next() * pieces.length)]).join(''),
  );
}

describe('escapeName against a real Neo4j', () => {
  const db = connectTestDatabase();
  afterAll(async () => {
    await db.write('MATCH (n:_EntenteNameProbe) DETACH DELETE n');
    await db.close();
  });

  const names = ['C:\\users', 'Dir\\user', '\\u0060', 'a`b', '\\', '\\\\u0041', ...generatedNames(60, 7)];

  it.each(names.map((name) => [JSON.stringify(name), name]))(
    'When a label and a type are named %s, then a query written with the escaped name reaches that very name',
    async (_shown, name) => {
      const { records } = await db.write(
        `CREATE (n:_EntenteNameProbe:${escapeName(name)})-[r:${escapeName(name)}]->(n)
         RETURN [label IN labels(n) WHERE label <> '_EntenteNameProbe'][0] AS label, type(r) AS type`,
      );
      expect(records[0]!.get('label')).toBe(name);
      expect(records[0]!.get('type')).toBe(name);
      const found = await db.read(`MATCH (n:${escapeName(name)})-[:${escapeName(name)}]->(n) RETURN count(n) AS found`);
      expect(Number(found.records[0]!.get('found'))).toBeGreaterThan(0);
      await db.write(`MATCH (n:${escapeName(name)}) DETACH DELETE n`);
    },
  );
});
