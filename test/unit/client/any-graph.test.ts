import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../client/src/api/api.js';
import { kindStyle, palette } from '../../../client/src/canvas/style.js';
import { subgraphInChunks } from '../../../client/src/explore/subgraph.js';
import { fingerprint } from '../../../shared/fingerprint.js';
import { encodeView, readView } from '../../../client/src/share/viewState.js';

describe('colours for any schema', () => {
  it('When 24 unknown labels are drawn, then each has its own colour from the palette, and keeps it', () => {
    const labels = Array.from({ length: palette.length }, (_, index) => `Label ${index}`);
    const colours = labels.map((label) => kindStyle(label).color);
    expect(new Set(colours).size).toBe(palette.length);
    expect(labels.map((label) => kindStyle(label).color)).toEqual(colours);
    expect(palette.length).toBeGreaterThanOrEqual(20);
  });
});

describe('shared links of any size', () => {
  it('When a link holds 2,500 ids, then they are asked for in chunks of 1,000, each with the ones before it', async () => {
    const ids = Array.from({ length: 2500 }, (_, index) => String(index));
    const asked: { ids: number; with: number; firstWith?: string }[] = [];
    const graph = await subgraphInChunks(ids, [], (chunk, withIds): Promise<Graph> => {
      asked.push({ ids: chunk.length, with: withIds.length, firstWith: withIds[0] });
      return Promise.resolve({
        nodes: chunk.map((id) => ({ id, labels: ['N'], caption: id, properties: {} })),
        edges: [],
      });
    });
    expect(asked).toEqual([
      { ids: 1000, with: 0, firstWith: undefined },
      { ids: 1000, with: 1000, firstWith: '0' },
      { ids: 500, with: 2000, firstWith: '0' },
    ]);
    expect(graph.nodes).toHaveLength(2500);
  });

  it('When a link is written, then it keeps a fingerprint of each caption that tells another node apart', () => {
    const view = {
      ids: ['1', '2'],
      edges: [],
      positions: {},
      hiddenLabels: [],
      hiddenTypes: [],
      layout: 'fcose' as const,
      fingerprints: [fingerprint('Zoë Öztürk'), fingerprint('Compte courant')],
    };
    const read = readView(encodeView(view));
    expect(read.kind === 'view' && read.view.fingerprints).toEqual(view.fingerprints);
    expect(fingerprint('Zoë Öztürk')).toBe(fingerprint('Zoe\u0308 Öztürk'));
    expect(fingerprint('Zoë Öztürk')).not.toBe(fingerprint('Member 1'));
  });
});
