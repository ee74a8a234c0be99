import type { AnalyticsInput } from '../../../shared/analytics/measures.js';
import { edgeStatus, nodeStatus, type CanvasView } from '../canvas/status.js';
import type { CanvasGraph } from '../graph/canvasState.js';

/**
 * What the measures are computed on: the nodes and relationships the canvas shows, so they follow the
 * filters (hidden labels and types; source-document mentions are hidden by default) and As of (what does not
 * hold on the date is left out, not merely faded). `weight` names a numeric property weighted degree sums.
 */
export function drawnInput(graph: CanvasGraph, view: CanvasView, weight?: string): AnalyticsInput {
  const shown = (status: { hidden: boolean; faded: boolean }) => !status.hidden && !status.faded;
  const nodes = Object.values(graph.nodes).filter((node) => shown(nodeStatus(node, view)));
  const kept = new Set(nodes.map((node) => node.id));
  const edges = Object.values(graph.edges).filter(
    (edge) => kept.has(edge.source) && kept.has(edge.target) && shown(edgeStatus(edge, view)),
  );
  return {
    nodes: nodes.map((node) => ({ id: node.id, caption: node.caption })),
    edges: edges.map((edge) => {
      const value = weight ? edge.properties[weight] : undefined;
      return {
        id: edge.id,
        type: edge.type,
        source: edge.source,
        target: edge.target,
        ...(typeof value === 'number' && Number.isFinite(value) ? { weight: value } : {}),
      };
    }),
  };
}

/** Numeric relationship properties among the drawn relationships: what weighted degree may sum. */
export function numericEdgeKeys(graph: CanvasGraph): string[] {
  const keys = new Set<string>();
  for (const edge of Object.values(graph.edges))
    for (const [key, value] of Object.entries(edge.properties)) if (typeof value === 'number') keys.add(key);
  return [...keys].sort();
}
