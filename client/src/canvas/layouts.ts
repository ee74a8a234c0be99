import type { LayoutOptions } from 'cytoscape';

export type LayoutName = 'fcose' | 'concentric' | 'dagre';

export const layoutLabels: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric (by degree)',
  dagre: 'Hierarchical',
};

/**
 * Options per layout. `incremental` keeps the current positions as the start (new nodes settle in
 * without throwing the rest of the picture around); above 2,000 nodes fcose runs in draft quality.
 */
export function layoutOptions(name: LayoutName, nodeCount: number, incremental: boolean): LayoutOptions {
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        quality: nodeCount > 2000 ? 'draft' : 'default',
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
