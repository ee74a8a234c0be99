import { describe, expect, it } from 'vitest';
import type { ApiEdge, ApiNode } from '../../../client/src/api/api.js';
import { edgeStatus, nodeStatus, type CanvasView } from '../../../client/src/canvas/status.js';
import { decodeView, encodeView } from '../../../client/src/share/viewState.js';
import {
  databaseKey,
  datedKeysOf,
  datingEntries,
  datingInForce,
  guessDating,
  readDatingChoices,
  timeOf,
  type Dating,
} from '../../../client/src/time/dating.js';
import { dateSpan } from '../../../client/src/time/time.js';
import { timelineOf } from '../../../client/src/time/timeline.js';

// A movie graph as Neo4j's own example writes it: films released in a year, roles dated by a datetime.
const matrix: ApiNode = {
  id: 'matrix',
  labels: ['Movie'],
  caption: 'The Matrix',
  properties: { title: 'The Matrix', released: 1999, tagline: 'Welcome to the Real World' },
};
const reloaded: ApiNode = {
  id: 'reloaded',
  labels: ['Movie'],
  caption: 'The Matrix Reloaded',
  properties: { title: 'The Matrix Reloaded', released: 2003 },
};
const keanu: ApiNode = { id: 'keanu', labels: ['Person'], caption: 'Keanu Reeves', properties: { born: 1964 } };
const acted = (movie: ApiNode, at: string): ApiEdge => ({
  id: `keanu-${movie.id}`,
  type: 'ACTED_IN',
  source: 'keanu',
  target: movie.id,
  properties: { at, roles: ['Neo'] },
});
const roles = [acted(matrix, '1998-03-02T09:00:00Z'), acted(reloaded, '2001-03-01T09:00:00+01:00')];
const items = [matrix, reloaded, keanu, ...roles];
const movieDating: Dating = { Movie: { start: 'released' }, ACTED_IN: { start: 'at' } };

describe('guessDating', () => {
  it('When a label or type holds keys named like dates whose values are all dates, then they are guessed', () => {
    expect(guessDating(items)).toEqual(movieDating);
  });

  it('When a type has since or until dates, or its date-like key holds other values, then nothing is guessed', () => {
    const since: ApiEdge = { ...roles[0]!, properties: { since: '2019-01-01', at: '1998-03-02' } };
    const words: ApiEdge = { ...roles[0]!, type: 'MET', properties: { at: 'the Oscars' } };
    expect(guessDating([since, words])).toEqual({});
  });

  it('When a key named like a date holds small whole numbers (day: 15), then they are not guessed as years', () => {
    const visit: ApiNode = { id: 'v', labels: ['Visit'], caption: 'V', properties: { day: 15, time: 95 } };
    expect(guessDating([visit])).toEqual({});
  });

  it('When a source document says when it was published, then that is not guessed as when a fact held', () => {
    const source: ApiNode = { id: 's', labels: ['Source'], caption: 'S', properties: { published: '2025-06-22' } };
    expect(guessDating([source])).toEqual({});
  });

  it('When a type has a start and an end key, then both are guessed', () => {
    const tenure: ApiEdge = {
      ...roles[0]!,
      type: 'WORKED_AT',
      properties: { start_date: '2010-05-01', end_date: '2014-01-01' },
    };
    expect(guessDating([tenure])).toEqual({ WORKED_AT: { start: 'start_date', end: 'end_date' } });
  });
});

describe('timeOf: the browser reads the properties the dating names, as the server does', () => {
  it('When a Movie is dated by released (an integer), then it begins on the first day of that year, known to the year', () => {
    expect(timeOf(matrix, movieDating)).toEqual({
      since: '1999-01-01',
      until: undefined,
      sincePrecision: 'year',
      untilPrecision: undefined,
    });
  });

  it('When a relationship is dated by a datetime, then it begins on that day in its own zone', () => {
    expect(timeOf(roles[1]!, movieDating).since).toBe('2001-03-01');
  });

  it('When a chosen key has a precision beside it (the seed writes sincePrecision), then its date reads at that precision', () => {
    const deal = { type: 'SIGNED', properties: { on: '2019-07-01', onPrecision: 'month' } };
    expect(timeOf(deal, { SIGNED: { start: 'on' } })).toMatchObject({ since: '2019-07-01', sincePrecision: 'month' });
  });

  it('When a label is named like a property of every object (constructor), then since and until still date it', () => {
    const odd: ApiNode = { id: 'o', labels: ['constructor'], caption: 'O', properties: { since: '2020-05-01' } };
    expect(timeOf(odd, movieDating).since).toBe('2020-05-01');
  });

  it('When no dating names a label or type, then since and until are read', () => {
    expect(timeOf(matrix).since).toBeUndefined();
    expect(timeOf({ type: 'X', properties: { since: '2020-01-01', until: 2021 } }).until).toBe('2021-01-01');
  });

  it('When a node has several labels, then the first one the dating names dates it', () => {
    const both = { labels: ['Person', 'Movie'], properties: { released: 2000, since: '1990-01-01' } };
    expect(timeOf(both, movieDating).since).toBe('2000-01-01');
  });

  it('When a dating is chosen, then the canvas fades what is not yet released and marks what began between two dates', () => {
    const view: CanvasView = {
      asOf: '2000-06-01',
      compare: { from: '2000-12-31', to: '2003-12-31' },
      dating: movieDating,
      hiddenLabels: new Set(),
      hiddenTypes: new Set(),
      highlighted: new Set(),
      pinned: new Set(),
    };
    expect(nodeStatus(matrix, view).faded).toBe(false);
    expect(nodeStatus(reloaded, view)).toMatchObject({ faded: true, change: 'new' });
    expect(edgeStatus(roles[1]!, view)).toMatchObject({ faded: true, change: 'new' });
    expect(nodeStatus(reloaded, { ...view, dating: {} })).toMatchObject({ faded: false, change: 'same' });
  });

  it('When a dating is chosen, then the timeline lists the dated roles and the slider spans them', () => {
    const nodes = { matrix, reloaded, keanu };
    const edges = Object.fromEntries(roles.map((edge) => [edge.id, edge]));
    expect(timelineOf('keanu', nodes, edges)).toEqual([]);
    expect(timelineOf('keanu', nodes, edges, movieDating).map((entry) => `${entry.when}: ${entry.sentence}`)).toEqual([
      '2 March 1998: Keanu Reeves acted in The Matrix',
      '1 March 2001: Keanu Reeves acted in The Matrix Reloaded',
    ]);
    expect(dateSpan(items.map((item) => timeOf(item, movieDating)))).toEqual({
      first: '1998-03-02',
      last: '2003-01-01',
    });
  });
});

describe('the dating in force, in requests, storage and links', () => {
  const schema = { names: new Set(['Movie', 'ACTED_IN', 'Person']), keys: new Set(['released', 'at', 'born']) };

  it('When the user chose since/until for a guessed label, then the choice wins; names and keys the database lacks are left out', () => {
    const choices = { Movie: null, Person: { start: 'born' }, Gone: { start: 'at' }, ACTED_IN: { start: 'nope' } };
    expect(datingInForce(choices, movieDating, schema)).toEqual({ Person: { start: 'born' } });
    expect(datingInForce({}, movieDating, schema)).toEqual(movieDating);
  });

  it("When the database's schema is not known yet, then a link's or storage's choices wait and only guesses are sent", () => {
    expect(datingInForce({ Gone: { start: 'at' }, Movie: null }, movieDating)).toEqual(movieDating);
  });

  it('When the dating is sent, then it is the API list of {name, start, end?}', () => {
    expect(datingEntries({ ...movieDating, WORKED_AT: { start: 'from', end: 'to' } })).toEqual([
      { name: 'Movie', start: 'released' },
      { name: 'ACTED_IN', start: 'at' },
      { name: 'WORKED_AT', start: 'from', end: 'to' },
    ]);
  });

  it('When keys are offered for a label, then those whose values on the canvas are dates come with an example', () => {
    expect(datedKeysOf(items, 'Movie')).toEqual([{ key: 'released', example: 1999 }]);
    expect(datedKeysOf(items, 'ACTED_IN')).toEqual([{ key: 'at', example: '1998-03-02T09:00:00Z' }]);
  });

  it('When a link or storage holds choices, then only well-formed ones are read and the link carries them', () => {
    expect(
      readDatingChoices({
        Movie: { start: 'released' },
        A: null,
        B: { start: 3 },
        C: 'x',
        D: { start: '' },
        E: { start: 'from', end: '' },
      }),
    ).toEqual({
      Movie: { start: 'released' },
      A: null,
    });
    expect(readDatingChoices([1])).toBeUndefined();
    const hash = encodeView({
      ids: ['matrix'],
      edges: [],
      positions: {},
      hiddenLabels: [],
      hiddenTypes: [],
      layout: 'fcose',
      dating: { Movie: { start: 'released' }, ACTED_IN: null },
    });
    expect(decodeView(hash)?.dating).toEqual({ Movie: { start: 'released' }, ACTED_IN: null });
  });

  it('When the same database is seen again, then its key is the same whatever the order of its names', () => {
    const one = { labels: [{ name: 'Movie' }, { name: 'Person' }], relationshipTypes: [{ name: 'ACTED_IN' }] };
    const other = { labels: [{ name: 'Person' }, { name: 'Movie' }], relationshipTypes: [{ name: 'ACTED_IN' }] };
    expect(databaseKey(one)).toBe(databaseKey(other));
    expect(databaseKey(one)).not.toBe(databaseKey({ ...one, relationshipTypes: [] }));
  });
});
