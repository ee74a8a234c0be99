import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hasDatasetModel, hiddenTypesFor } from '../../../client/src/app/dataset.js';
import { reasonsText } from '../../../client/src/paths/pathChain.js';
import {
  defaultExclude,
  excludeToSend,
  loadExclude,
  readExclude,
  saveExclude,
  toggleExclude,
} from '../../../client/src/paths/pathExclude.js';
import { encodeView, readView, type ViewState } from '../../../client/src/share/viewState.js';

// The API module registers the page's probe on `window`, and calls its own site, which Node does not have.
vi.stubGlobal('window', globalThis);
vi.stubGlobal('location', new URL('http://entente.test/'));
const { api } = await import('../../../client/src/api/api.js');

const asked = () => {
  const fetch = vi.fn((_request: Request) =>
    Promise.resolve(new Response(JSON.stringify({ paths: [], nextShortest: true }), { status: 200 })),
  );
  vi.stubGlobal('fetch', fetch);
  return () => new URL(fetch.mock.calls[0]![0].url).searchParams;
};

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the path search the explorer sends', () => {
  it('When the explorer is as of a day with a dating, then the path search asks for paths that held that day, dated so', async () => {
    const parameters = asked();
    const dating = [{ name: 'Movie', start: 'released' }];
    await api.paths('google-cloud', 'microsoft', { rank: 'evidence', asOf: '2024-08-01', dating });
    expect(parameters().get('asOf')).toBe('2024-08-01');
    expect(parameters().get('rank')).toBe('evidence');
    expect(JSON.parse(parameters().get('dating')!)).toEqual(dating);
  });

  it('When no type was marked, then the search leaves exclude to the server; marked types are sent, and none as an empty exclude', async () => {
    let parameters = asked();
    await api.paths('a', 'b');
    expect(parameters().has('exclude')).toBe(false);
    expect(parameters().has('asOf')).toBe(false);
    parameters = asked();
    await api.paths('a', 'b', { exclude: ['MENTIONED_IN', 'COMPETES_WITH'] });
    expect(parameters().get('exclude')).toBe('MENTIONED_IN,COMPETES_WITH');
    parameters = asked();
    await api.paths('a', 'b', { exclude: [] });
    expect(parameters().get('exclude')).toBe('');
  });
});

describe('the types a path never steps through', () => {
  const types = ['COMPETES_WITH', 'INVESTED_IN', 'MENTIONED_IN'];

  it('When the database has MENTIONED_IN, then it is excluded until the user chooses; otherwise nothing is', () => {
    expect(defaultExclude(types, true)).toEqual(['MENTIONED_IN']);
    expect(defaultExclude(['ACTED_IN'], true)).toEqual([]);
  });

  it("When MENTIONED_IN is not the dataset's (it does not link to Source documents), then it is not excluded", () => {
    expect(defaultExclude(types, false)).toEqual([]);
  });

  it('When a type is ticked or unticked, then the choice keeps the database order and a linked type the database lacks is not sent', () => {
    expect(toggleExclude(['MENTIONED_IN'], 'COMPETES_WITH', types)).toEqual(['COMPETES_WITH', 'MENTIONED_IN']);
    expect(toggleExclude(['MENTIONED_IN'], 'MENTIONED_IN', types)).toEqual([]);
    expect(excludeToSend(undefined, types)).toBeUndefined();
    expect(excludeToSend(['MENTIONED_IN', 'ACTED_IN'], types)).toEqual(['MENTIONED_IN']);
    expect(excludeToSend([], types)).toEqual([]);
  });

  it('When the choice is in a shared link, then it comes back from the link, and a malformed one is dropped', () => {
    const view: ViewState = {
      ids: ['a'],
      edges: [],
      positions: {},
      hiddenLabels: [],
      hiddenTypes: [],
      layout: 'fcose',
      pathExclude: ['COMPETES_WITH'],
    };
    const read = readView(encodeView(view));
    expect(read.kind === 'view' && read.view.pathExclude).toEqual(['COMPETES_WITH']);
    const malformed = readView(encodeView({ ...view, pathExclude: 'MENTIONED_IN' as unknown as string[] }));
    expect(malformed.kind === 'view' && malformed.view.pathExclude).toBeUndefined();
    expect(readExclude([1])).toBeUndefined();
  });

  describe('kept in this browser', () => {
    beforeEach(() => {
      const store = new Map<string, string>();
      vi.stubGlobal('localStorage', {
        getItem: (key: string) => store.get(key) ?? null,
        setItem: (key: string, value: string) => store.set(key, value),
      });
    });

    it('When a choice is saved for one database, then it is read back for it and not for another', () => {
      saveExclude('db1', []);
      expect(loadExclude('db1')).toEqual([]);
      expect(loadExclude('db2')).toBeUndefined();
    });
  });
});

describe("the default dataset's defaults, only where its model is", () => {
  const dataset = {
    links: [
      { type: 'MENTIONED_IN', to: 'Source' },
      { type: 'INVESTED_IN', to: 'Company' },
    ],
  };
  const podcast = { links: [{ type: 'MENTIONED_IN', to: 'Episode' }] };

  it('When MENTIONED_IN links only to Source documents, then the model is there and the type stays hidden', () => {
    expect(hasDatasetModel(dataset)).toBe(true);
    expect(hiddenTypesFor(['MENTIONED_IN', 'X'], dataset)).toEqual(['MENTIONED_IN', 'X']);
  });

  it('When MENTIONED_IN means something else, or is absent, then it is shown like any type', () => {
    expect(hasDatasetModel(podcast)).toBe(false);
    expect(hasDatasetModel({ links: [] })).toBe(false);
    expect(hiddenTypesFor(['MENTIONED_IN', 'X'], podcast)).toEqual(['X']);
  });

  it('When a path has no sources (a graph without them), then its reasons do not count zero sources', () => {
    const text = reasonsText(
      { hops: 2, sources: 0, weakestStep: 0, latestStart: null, busiestNode: null, heldOn: null },
      (id) => id,
    );
    expect(text).toBe('2 steps');
  });
});
