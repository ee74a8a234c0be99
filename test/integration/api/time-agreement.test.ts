import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validOn } from '../../../client/src/time/time.js';
import { useApi } from '../../support/api.js';

const context = useApi();

// Time properties as other teams store them, each a (since, until) pair of Cypher expressions.
const cases: [string, string, string][] = [
  ['dates', "date('2019-07-22')", "date('2023-01-01')"],
  ['zoned datetimes', "datetime('2019-07-22T23:30:00+02:00')", "datetime('2023-01-01T00:00:00Z')"],
  ['local datetimes', "localdatetime('2019-07-22T08:00:00')", "localdatetime('2022-12-31T23:59:59')"],
  ['integer years', '2019', '2023'],
  ['ISO text', "'2019-07-22'", "'2023-01-01T10:00:00Z'"],
  ['text that is no calendar day', "'2023-02-29'", "'2019-13-01'"],
  ['a year as text', "'2019'", 'null'],
  ['floats', '2019.5', '2023.0'],
  ['booleans and lists', 'true', "['2023-01-01']"],
  ['only a start', "date('2020-02-29')", 'null'],
  ['only an end', 'null', "datetime('2021-06-01T00:00:00Z')"],
];

const days = ['1999-01-01', '2019-01-01', '2019-07-21', '2019-07-22', '2020-02-29', '2021-05-31', '2021-06-01'];
const moreDays = ['2022-12-31', '2023-01-01', '2023-03-01', '2030-01-01'];

describe('as of a date: server and browser apply one rule to every kind of time property', () => {
  beforeAll(async () => {
    await context.db.write("CREATE (:TimeProbe {id: 'time-probe', name: 'Time probe'})");
    for (const [index, [, since, until]] of cases.entries()) {
      await context.db.write(
        `MATCH (probe:TimeProbe {id: 'time-probe'})
         CREATE (probe)-[:DATED {case: $index, since: ${since}, until: ${until}}]->(:TimeProbe {id: 'time-probe-' + $index})`,
        { index },
      );
    }
  });

  afterAll(() => context.db.write('MATCH (n:TimeProbe) DETACH DELETE n'));

  it.each([...days, ...moreDays])(
    'When the explorer asks as of %s, then the server keeps exactly what the browser shows',
    async (day) => {
      const all = await context.api().get('/api/nodes/time-probe/neighbours?types=DATED&limit=100').expect(200);
      expect(all.body.edges).toHaveLength(cases.length);
      const browser = all.body.edges
        .filter((edge: { properties: Record<string, unknown> }) => validOn(edge.properties, day))
        .map((edge: { properties: { case: number } }) => cases[edge.properties.case]![0])
        .sort();
      const filtered = await context
        .api()
        .get(`/api/nodes/time-probe/neighbours?types=DATED&limit=100&asOf=${day}`)
        .expect(200);
      const server = filtered.body.edges
        .map((edge: { properties: { case: number } }) => cases[edge.properties.case]![0])
        .sort();
      expect(server).toEqual(browser);
      expect(filtered.body.meta.total).toBe(server.length);
    },
  );

  it('When a relationship is dated by datetimes, integer years or ISO text, then as-of filtering reads them', async () => {
    const on = async (day: string) =>
      (
        await context.api().get(`/api/nodes/time-probe/neighbours?types=DATED&limit=100&asOf=${day}`).expect(200)
      ).body.edges.map((edge: { properties: { case: number } }) => cases[edge.properties.case]![0]);
    expect(await on('2019-01-01')).toEqual(expect.arrayContaining(['integer years']));
    expect(await on('2019-01-01')).not.toContain('dates');
    expect(await on('2019-07-22')).toEqual(
      expect.arrayContaining(['dates', 'zoned datetimes', 'local datetimes', 'ISO text']),
    );
    expect(await on('2023-01-01')).not.toEqual(expect.arrayContaining(['dates']));
    expect(await on('2030-01-01')).toEqual(
      expect.arrayContaining(['text that is no calendar day', 'a year as text', 'only a start']),
    );
  });
});
