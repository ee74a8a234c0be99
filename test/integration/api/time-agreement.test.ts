import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEdge, ApiNode } from '../../../client/src/api/api.js';
import { datingEntries, timeOf, type Dating } from '../../../client/src/time/dating.js';
import { changeBetween, validOn } from '../../../client/src/time/time.js';
import { useApi } from '../../support/api.js';
import { testApp } from '../../support/app.js';

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

// A movie-like graph dated by other properties: roles by `at` (and `closed`), films by `released`. Each case is
// a role (at, closed) and its film's release, as Cypher expressions; `since` is there to be ignored.
const datedCases: [string, string, string, string][] = [
  ['a datetime role in an integer-year film', "datetime('1998-03-02T09:00:00Z')", 'null', '1999'],
  [
    'a local datetime role that closed',
    "localdatetime('2001-03-01T09:00:00')",
    "datetime('2003-05-15T00:00:00+02:00')",
    '2003',
  ],
  ['date bounds, a whole float year', "date('2019-07-22')", "date('2023-01-01')", '2019.0'],
  ['text bounds, a year as text', "'2020-02-29T10:00:00'", "'2021-06-01'", "'2020'"],
  ['late evening in its own zone', "datetime('2019-07-21T23:30:00-05:00')", 'null', 'null'],
  ['values that are no dates', 'true', "'soon'", '1999.5'],
];
const dating: Dating = { SHOWN: { start: 'at', end: 'closed' }, Film: { start: 'released' } };
const datedDays = [
  '1998-03-01',
  '1998-03-02',
  '1999-01-01',
  '2001-03-01',
  '2003-01-01',
  '2003-05-15',
  '2019-07-21',
  '2019-07-22',
  '2020-02-29',
  '2021-06-01',
  '2023-01-01',
];

describe('as of a date with a dating choice: server and browser read the same chosen properties', () => {
  let app: Express;
  const api = () => request(app);
  const asked = (query: string) =>
    `/api/nodes/dating-probe/neighbours?types=SHOWN&limit=100&dating=${encodeURIComponent(JSON.stringify(datingEntries(dating)))}${query}`;
  const caseOf = (item: { properties: Record<string, unknown> }) => datedCases[item.properties.case as number]![0];

  beforeAll(async () => {
    await context.db.write("CREATE (:DatingProbe {id: 'dating-probe', name: 'Dating probe'})");
    for (const [index, [, at, closed, released]] of datedCases.entries()) {
      await context.db.write(
        `MATCH (probe:DatingProbe {id: 'dating-probe'})
         CREATE (probe)-[:SHOWN {case: $index, at: ${at}, closed: ${closed}, since: date('2100-01-01')}]->
                (:Film {id: 'dating-film-' + $index, case: $index, released: ${released}, since: date('2100-01-01')})`,
        { index },
      );
    }
    // A new app, so its catalog knows the labels, types and keys just written.
    app = testApp(context.db);
  });

  afterAll(() => context.db.write('MATCH (n:DatingProbe|Film) DETACH DELETE n'));

  it.each(datedDays)(
    'When the explorer asks as of %s, then the server keeps exactly what the browser shows',
    async (day) => {
      const all = await api().get(asked('')).expect(200);
      expect(all.body.edges).toHaveLength(datedCases.length);
      const films = new Map<string, ApiNode>(all.body.nodes.map((node: ApiNode) => [node.id, node]));
      const browser = (all.body.edges as ApiEdge[])
        .filter((edge) => validOn(timeOf(edge, dating), day) && validOn(timeOf(films.get(edge.target)!, dating), day))
        .map(caseOf)
        .sort();
      const server = (
        await api()
          .get(asked(`&asOf=${day}`))
          .expect(200)
      ).body.edges
        .map(caseOf)
        .sort();
      expect(server).toEqual(browser);
    },
  );

  it('When two dates are compared, then the server lists as changed exactly what the browser marks', async () => {
    const all = await api().get(asked('')).expect(200);
    const items: (ApiNode | ApiEdge)[] = [
      ...all.body.edges,
      ...all.body.nodes.filter((node: ApiNode) => node.labels.includes('Film')),
    ];
    for (const [from, to] of [
      ['1998-01-01', '1999-12-31'],
      ['2000-12-31', '2003-12-31'],
      ['2019-07-20', '2021-06-01'],
    ] as const) {
      const answer = await api()
        .get(`/api/changes?from=${from}&to=${to}&dating=${encodeURIComponent(JSON.stringify(datingEntries(dating)))}`)
        .expect(200);
      const ids = new Set(items.map((item) => item.id));
      const server = [...new Set(answer.body.changes.map((change: { id: string }) => change.id))]
        .filter((id) => ids.has(id as string))
        .sort();
      const browser = items
        .filter((item) => changeBetween(timeOf(item, dating), from, to) !== 'same')
        .map((item) => item.id)
        .sort();
      expect(server).toEqual(browser);
      expect(browser.length).toBeGreaterThan(0);
    }
  });
});
