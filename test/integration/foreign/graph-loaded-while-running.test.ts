import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/logger.js';
import { ensureSearchIndex } from '../../../server/search/search.index.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

const db = connectTestDatabase();

// Entente starts on a small graph and makes its own search index; then, while it runs, someone loads another
// graph with a new label (Passenger) captioned by a key the index did not cover (`title`).
describe('a graph loaded while Entente runs', () => {
  let app: ReturnType<typeof testApp>;
  const search = async (q: string) =>
    (await request(app).get('/api/search').query({ q }).expect(200)).body.results.map(
      (hit: { caption: string }) => hit.caption,
    );

  beforeAll(async () => {
    await loadGraph(db, ["CREATE (:Company {id: 'acme', name: 'Acme Holdings'})"]);
    expect(await ensureSearchIndex(db, 'auto', createLogger('silent'))).toEqual({
      kind: 'index',
      index: 'entente_search',
      created: true,
    });
    await db.write('CALL db.awaitIndexes(60)');
    app = testApp(db);
  }, 120_000);

  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When a new label is loaded, then search finds it, soon by its exact words and within a minute with a typo', async () => {
    expect(await search('Acme Holdngs')).toEqual(['Acme Holdings']);
    await db.write(
      `UNWIND range(1, 200) AS i
       CREATE (:Passenger {id: 'p' + i, title: CASE i WHEN 7 THEN 'Bartholomew Quiggley' ELSE 'Passenger ' + i END})`,
    );
    // Meanwhile (the index is being made again), the scan finds the exact words.
    await expect
      .poll(() => search('Bartholomew Quiggley'), { timeout: 15_000, interval: 500 })
      .toContain('Bartholomew Quiggley');
    // Typos need the index: it covers Passenger and `title` within a minute, without a restart.
    await expect
      .poll(() => search('Bartolomew Quigley'), { timeout: 60_000, interval: 1_000 })
      .toContain('Bartholomew Quiggley');
    const { records } = await db.read(
      "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties WHERE name = 'entente_search' RETURN *",
    );
    expect(records[0]!.get('labelsOrTypes')).toEqual(expect.arrayContaining(['Company', 'Passenger']));
    expect(records[0]!.get('properties')).toEqual(expect.arrayContaining(['name', 'title']));
    expect(await search('Acme Holdngs')).toEqual(['Acme Holdings']);
  }, 90_000);
});
