import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase } from '../../support/graphs.js';

const db = connectTestDatabase();

// Names whose letters do not decompose (Ł, Đ, Ø, Æ, ß, dotless ı), a Turkish dotted İ, and text stored
// decomposed (NFD): the scan must fold stored text as search folds what is typed.
const people = [
  'Łódź Kaliska',
  'Bahnhofstraße 12',
  'Paweł Costa 12345',
  'İstanbul Ofisi',
  'Mu\u0308ller GmbH',
  'Øresund Bridge',
  'Æther Labs',
  'Đorđe Balašević',
  'Işık Yılmaz',
  'Zoë Öztürk',
];

describe('search folds letters of every script with one rule on both sides', () => {
  const search = async (q: string) =>
    (await request(testApp(db)).get('/api/search').query({ q }).expect(200)).body.results.map(
      (hit: { caption: string }) => hit.caption,
    );

  beforeAll(async () => {
    await emptyDatabase(db);
    await db.write('UNWIND range(0, size($names) - 1) AS i CREATE (:Place {id: i, name: $names[i]})', {
      names: people,
    });
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it.each([
    ['lodz', 'Łódź Kaliska'],
    ['bahnhofstrasse', 'Bahnhofstraße 12'],
    ['BAHNHOFSTRASSE', 'Bahnhofstraße 12'],
    ['pawel costa 12345', 'Paweł Costa 12345'],
    ['İstanbul', 'İstanbul Ofisi'],
    ['istanbul', 'İstanbul Ofisi'],
    ['Müller', 'Mu\u0308ller GmbH'],
    ['mueller', undefined],
    ['oresund', 'Øresund Bridge'],
    ['aether', 'Æther Labs'],
    ['dorde', 'Đorđe Balašević'],
    ['Işık', 'Işık Yılmaz'],
    ['isik yilmaz', 'Işık Yılmaz'],
    ['Öztürk', 'Zoë Öztürk'],
  ])('When there is no full-text index and %j is typed, then the scan finds %s', async (q, caption) => {
    const found = await search(q);
    if (caption) expect(found[0]).toBe(caption);
    else expect(found).toEqual([]);
  });

  it('When the database has its own index with the standard analyzer (no folding), then "Öztürk" and "Łódź" still find theirs', async () => {
    await db.write(
      "CREATE FULLTEXT INDEX places_standard FOR (n:Place) ON EACH [n.name] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard'}}",
    );
    await db.write('CALL db.awaitIndexes(60)');
    try {
      expect((await search('Öztürk'))[0]).toBe('Zoë Öztürk');
      expect((await search('Łódź'))[0]).toBe('Łódź Kaliska');
    } finally {
      await db.write('DROP INDEX places_standard');
    }
  });
});
