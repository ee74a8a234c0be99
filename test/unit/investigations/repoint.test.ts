import { describe, expect, it } from 'vitest';
import type { View } from '../../../server/investigations/investigations.schemas.js';
import { pointBack, pointToKept } from '../../../server/investigations/repoint.js';

function viewOf(ids: string[], pinned: string[]): View {
  return {
    ids,
    edges: [],
    positions: Object.fromEntries(ids.map((id, index) => [id, { x: index * 100, y: 0 }])),
    hiddenLabels: [],
    hiddenTypes: [],
    layout: 'fcose',
    pinned,
  };
}

describe('an investigation through a merge and its undo', () => {
  it('When the canvas held both nodes and only the merged one was pinned, then the undo leaves the kept one unpinned', () => {
    const before = viewOf(['keep', 'merge', 'other'], ['merge']);
    const merged = pointToKept(before, 'keep', 'merge', 'f', new Map())!;
    expect(merged.view.ids).toEqual(['keep', 'other']);
    expect(merged.view.pinned).toEqual(['keep']);
    const back = pointBack(merged.view, 'keep', 'merge', merged.held, new Map())!;
    expect(back.ids).toEqual(before.ids);
    expect(back.pinned).toEqual(['merge']);
  });

  it('When both were pinned, then both are pinned again after the undo', () => {
    const before = viewOf(['keep', 'merge'], ['keep', 'merge']);
    const merged = pointToKept(before, 'keep', 'merge', 'f', new Map())!;
    const back = pointBack(merged.view, 'keep', 'merge', merged.held, new Map())!;
    expect(new Set(back.pinned)).toEqual(new Set(['keep', 'merge']));
  });

  it('When only the merged node was on the canvas, then it takes the kept one’s place and gets it back', () => {
    const before = viewOf(['merge', 'other'], ['merge']);
    const merged = pointToKept(before, 'keep', 'merge', 'f', new Map())!;
    expect(merged.view.ids).toEqual(['keep', 'other']);
    expect(merged.view.positions.keep).toEqual(before.positions.merge);
    const back = pointBack(merged.view, 'keep', 'merge', merged.held, new Map())!;
    expect(back.ids).toEqual(before.ids);
    expect(back.pinned).toEqual(['merge']);
    expect(back.positions).toEqual(before.positions);
  });
});
