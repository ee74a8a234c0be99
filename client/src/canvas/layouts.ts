import type { LayoutOptions } from 'cytoscape';

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
        idealEdgeLength: () => 150,
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
