import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../client/src/share/exportFiles.js';
import { decodeView, encodeView, type ViewState } from '../../../client/src/share/viewState.js';

describe('shared view links', () => {
  const view: ViewState = {
    ids: ['microsoft', '4:abc:12', 'société'],
    edges: ['microsoft-invested-13b'],
    positions: { microsoft: { x: 10, y: -20 } },
    asOf: '2024-01-01',
    selected: { kind: 'node', id: 'microsoft' },
    hiddenLabels: ['Source'],
    hiddenTypes: ['MENTIONED_IN'],
    layout: 'dagre',
  };

  it('When a view is encoded into a URL hash, then decoding gives it back, non-ASCII included', () => {
    const hash = encodeView(view);
    expect(hash).toMatch(/^#view=[A-Za-z0-9_-]+$/);
    expect(decodeView(hash)).toEqual(view);
  });

  it('When the hash is foreign or damaged, then there is no view rather than an error', () => {
    expect(decodeView('#section-2')).toBeUndefined();
    expect(decodeView('#view=%%%')).toBeUndefined();
  });
});

describe('toCsv', () => {
  it('When values hold commas, quotes or lists, then cells are quoted and columns cover every key', () => {
    const csv = toCsv([
      { fixed: { id: 'a', caption: 'Acme, Inc.' }, properties: { say: 'a "quote"' } },
      { fixed: { id: 'b', caption: 'B' }, properties: { tags: ['x', 'y'] } },
    ]);
    expect(csv).toBe('id,caption,say,tags\na,"Acme, Inc.","a ""quote""",\nb,B,,"[""x"",""y""]"\n');
  });
});
