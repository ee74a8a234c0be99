import { useEffect } from 'react';
import type { CanvasGraph } from '../../graph/canvasState';
import { edgeElementId, pairKey } from '../edgeGroups';
import type { CanvasCore } from './canvasCore';

export interface Selection {
  kind: 'node' | 'edge';
  id: string;
}

/**
 * Selection controller: selects the page's selection (or the nodes selected together) on the canvas, marks a selected node's relationships,
 * and opens the folded group a selected relationship is in.
 */
export function useCanvasSelection(
  canvas: CanvasCore,
  graph: CanvasGraph,
  selected: Selection | undefined,
  expanded: Set<string>,
  onExpandPair: (key: string) => void,
  /** Nodes selected together, shown selected as well. */
  group: string[],
): void {
  useEffect(() => {
    const instance = canvas.core;
    instance.batch(() => {
      instance.elements().unselect();
      instance.edges('.near').removeClass('near');
      for (const id of group) instance.getElementById(id).select();
      if (!selected || group.length) return;
      if (selected.kind === 'edge') {
        const edge = graph.edges[selected.id];
        // A relationship folded into a group is selected by opening the group.
        const key = edge && pairKey(edge.source, edge.target);
        const drawn = instance.getElementById(edgeElementId(selected.id));
        if (key && drawn.empty()) onExpandPair(key);
        else drawn.select();
        return;
      }
      const node = instance.getElementById(selected.id);
      node.select();
      node.connectedEdges().addClass('near');
    });
  }, [canvas, selected, graph, expanded, onExpandPair, group]);
}
