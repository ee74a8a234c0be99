import { describe, expect, it } from 'vitest';
import type { View } from '../../../server/investigations/investigations.schemas.js';
import {
  applyDelta,
  compareViews,
  fromStored,
  rebuild,
  toStored,
  viewDelta,
} from '../../../server/investigations/view-history.js';

function view(ids: string[], extra: Partial<View> = {}): View {
  return {
    ids,
    edges: ids.slice(1).map((id, index) => `${ids[index]}->${id}`),
    positions: Object.fromEntries(ids.map((id, index) => [id, { x: index, y: 2 * index }])),
    hiddenLabels: ['Source'],
    hiddenTypes: [],
    layout: 'fcose',
    ...extra,
  };
}

const sorted = (stored: View) => ({ ...stored, ids: [...stored.ids].sort(), edges: [...stored.edges].sort() });

describe('how investigations keep their history', () => {
  it('When a view goes into the stored form and back, then nothing is lost, even ids named like object keys', () => {
    const original = view(['__proto__', 'constructor', 'openai', '42'], {
      fingerprints: ['a', 'b', 'c', 'd'],
      pinned: ['openai'],
      unfolded: ['42|openai'],
    });
    const back = fromStored(JSON.parse(JSON.stringify(toStored(original))));
    expect(sorted(back)).toEqual(sorted(original));
    // Each node keeps its own fingerprint, whatever order the ids come back in.
    const printOf = (shown: View, id: string) => shown.fingerprints![shown.ids.indexOf(id)];
    for (const id of original.ids) expect(printOf(back, id)).toBe(printOf(original, id));
  });

  it('When one node moves, then the delta names that node only, and applying it gives the new view', () => {
    const before = view(Array.from({ length: 500 }, (_, index) => `n${index}`));
    const after = structuredClone(before);
    after.positions.n250 = { x: 1000, y: 1000 };
    const delta = viewDelta(toStored(before), toStored(after))!;
    expect(JSON.stringify(delta).length).toBeLessThan(200);
    expect(fromStored(applyDelta(toStored(before), delta)).positions.n250).toEqual({ x: 1000, y: 1000 });
    expect(viewDelta(toStored(before), toStored(structuredClone(before)))).toBeUndefined();
  });

  it('When a chain of deltas follows a snapshot, then rebuilding replays them in order', () => {
    const first = view(['a', 'b']);
    const second = view(['a', 'b', 'c']);
    const third = view(['b', 'c'], { asOf: '2024-01-01' });
    const chain = [
      { snapshot: toStored(first), delta: null },
      { snapshot: null, delta: viewDelta(toStored(first), toStored(second))! },
      { snapshot: null, delta: viewDelta(toStored(second), toStored(third))! },
    ];
    expect(sorted(rebuild(chain))).toEqual(sorted(third));
    expect(() => rebuild(chain.slice(1))).toThrow(/snapshot/);
  });

  it('When two views are compared, then added and removed nodes and relationships and moved nodes are counted', () => {
    const before = view(['a', 'b', 'c']);
    const after = view(['b', 'c', 'd']);
    after.positions = { ...after.positions, b: { x: 50, y: 50 }, c: before.positions.c! };
    expect(compareViews(before, after)).toEqual({
      nodesAdded: ['d'],
      nodesRemoved: ['a'],
      relationshipsAdded: ['c->d'],
      relationshipsRemoved: ['a->b'],
      moved: 1,
    });
  });
});
