import type { EdgeSingular, LayoutOptions, Position } from 'cytoscape';
import { dict } from '../app/records.js';

export type LayoutName = 'fcose' | 'concentric' | 'dagre';

export const layoutLabels: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric (by degree)',
  dagre: 'Hierarchical',
};

/**
 * From this many nodes the force-directed layout is ForceAtlas2 (forceAtlas.ts) instead of fcose. Measured on
 * the benchmark's random graphs in Node: fcose took 1.5 s for 500 nodes and left 6 % of them touching another
 * (5.2 s and 32 % at 1,000), ForceAtlas2 with noverlap 0.4 s and none (0.6 s at 1,000). Below it fcose's
 * pictures are as clean (1.6 % at 250) and keep its ideal edge length, which small graphs read best with.
 */
export const forceAtlasFrom = 300;

/** Which engine computes a layout of `nodeCount` nodes: Cytoscape's own or ForceAtlas2. */
export function layoutEngine(name: LayoutName, nodeCount: number): 'cytoscape' | 'forceAtlas2' {
  return name === 'fcose' && nodeCount >= forceAtlasFrom ? 'forceAtlas2' : 'cytoscape';
}

/**
 * Cytoscape's options per layout, for graphs it lays out itself (see layoutEngine). `incremental` keeps the
 * current positions as the start, so new nodes settle in without throwing the rest of the picture around.
 */
export function layoutOptions(name: LayoutName, incremental: boolean): LayoutOptions {
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        randomize: !incremental,
        animate: false,
        nodeRepulsion: () => 30000,
        // Each edge's own (layoutWorker.ts, idealLength): a folded group's count needs room to read.
        idealEdgeLength: (edge: EdgeSingular) => Number(edge.data('length') ?? 150),
        // Stiffer where longer than the default (long labels, folded groups): hubs that share many neighbours
        // are pulled together by them, and a soft spring leaves their group's count squeezed between them.
        edgeElasticity: (edge: EdgeSingular) => (Number(edge.data('length') ?? 150) > 150 ? 0.9 : 0.45),
        nodeSeparation: 100,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        animate: false,
        minNodeSpacing: 30,
        concentric: (node) => node.degree(false),
        levelWidth: () => 2,
      };
    case 'dagre':
      return { name: 'dagre', rankDir: 'LR', nodeSep: 30, rankSep: 120, animate: false } as LayoutOptions;
  }
}

/** Gaps of the wrapped hierarchy: between columns, between rows, between levels across and down. */
const columnGap = 30;
const rowGap = 10;
const levelGapAcross = 80;
const levelGapDown = 40;

interface Sized {
  id: string;
  width?: number;
  height?: number;
}

/**
 * Wraps the levels of a hierarchy (dagre's ranks, left to right, one column of nodes each) so that the
 * picture fits the canvas (`aspect`, width over height) at the largest zoom: either levels stay columns,
 * each wrapped into several columns as many rows high as is best, or levels become bands from top to
 * bottom, each wrapped into rows as many columns wide as is best; a level of a hundred nodes is then no
 * column a hundred nodes tall read at a tiny zoom. Nodes keep their order within a level (dagre's, which
 * limits crossings) and levels theirs.
 */
export function wrapLevels(
  positions: Record<string, Position>,
  nodes: Sized[],
  aspect: number,
): Record<string, Position> {
  if (nodes.length === 0) return positions;
  const width = Math.max(...nodes.map((node) => node.width ?? 30)) + columnGap;
  // layoutBox counts a caption on both sides of the node; a row needs it once, under the node.
  const height = Math.max(...nodes.map((node) => ((node.height ?? 30) + Math.min(node.width ?? 30, 30)) / 2)) + rowGap;
  const byLevel = new Map<number, string[]>();
  for (const { id } of nodes) {
    const level = Math.round(positions[id]!.x);
    const members = byLevel.get(level);
    if (members) members.push(id);
    else byLevel.set(level, [id]);
  }
  const levels = [...byLevel.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
  for (const ids of levels) ids.sort((a, b) => positions[a]!.y - positions[b]!.y);
  const largest = Math.max(...levels.map((ids) => ids.length));
  const wraps = (per: number) => levels.reduce((sum, ids) => sum + Math.ceil(ids.length / per), 0);
  // The zoom at which a picture fits a canvas `aspect` wide and 1 high: the larger, the easier to read.
  const zoomOf = (pictureWidth: number, pictureHeight: number) => Math.min(aspect / pictureWidth, 1 / pictureHeight);
  const across = (rows: number) =>
    zoomOf(wraps(rows) * width + (levels.length - 1) * levelGapAcross, Math.min(rows, largest) * height);
  const down = (columns: number) =>
    zoomOf(Math.min(columns, largest) * width, wraps(columns) * height + (levels.length - 1) * levelGapDown);
  let best = { zoom: across(largest), per: largest, down: false };
  for (let per = 1; per <= largest; per++) {
    if (across(per) > best.zoom) best = { zoom: across(per), per, down: false };
    if (down(per) > best.zoom) best = { zoom: down(per), per, down: true };
  }
  if (!best.down && best.per >= largest) return positions;
  const wrapped: Record<string, Position> = dict(Object.entries(positions));
  let start = 0;
  levels.forEach((ids, level) => {
    const lines = Math.ceil(ids.length / best.per);
    const inLine = Math.min(best.per, ids.length);
    ids.forEach((id, at) => {
      const line = Math.floor(at / best.per);
      const place = (at % best.per) - (inLine - 1) / 2;
      // Every other column (across) or level (down) shifted a little, so that edges pass between the nodes
      // before them rather than through them.
      wrapped[id] = best.down
        ? { x: (place + (level % 2) / 3) * width, y: start + line * height }
        : { x: start + line * width, y: (place + (line % 2) / 2) * height };
    });
    start += best.down ? lines * height + levelGapDown : lines * width + levelGapAcross;
  });
  return wrapped;
}

/** Captions are 10 px type, cut at 120 px (style.ts): about 6 px a character, and a line 13 px high. */
const captionWidth = (text: string) => Math.min(120, text.length * 6);
const captionHeight = 13;

/**
 * The box a node needs, its caption under it included, as a layout that keeps nodes apart by their boxes
 * (fcose, dagre) sees it: centred on the node, so the caption's height is counted on both sides.
 */
export function layoutBox(size: number, caption: string): { width: number; height: number } {
  const width = Math.max(size, captionWidth(caption) + 10);
  return { width, height: size + 2 * (caption ? captionHeight + 6 : 0) };
}

/**
 * An edge's ideal length: room for its label between its two nodes, and for a folded group more the more
 * relationships it holds (up to twenty), so its count reads between the two and the pair stands apart.
 */
export function idealLength(label: string, members: number): number {
  const group = members > 1 ? 40 + 8 * Math.min(members, 20) : 0;
  return Math.max(150, captionWidth(label) + 90 + group);
}
