import type { ElementDefinition } from 'cytoscape';
import type { ApiEdge } from '../api/api';
import type { CanvasGraph } from '../graph/canvasState';
import { nodeLook, sizeRanges, type LabelStyles } from '../styling/labelStyles';
import { edgeWidth } from './style';

/** Two nodes, whichever way round: the relationships between them form one group. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export const edgeElementId = (id: string) => `edge:${id}`;
export const groupElementId = (key: string) => `group:${key}`;

/** The canvas element that shows a relationship: its own edge, or the group it is folded into. */
export function elementIdOf(edge: ApiEdge, groups: Map<string, ApiEdge[]>, expanded: Set<string>): string {
  const key = pairKey(edge.source, edge.target);
  return (groups.get(key)?.length ?? 0) > 1 && !expanded.has(key) ? groupElementId(key) : edgeElementId(edge.id);
}

/** Relationships by pair of nodes. */
export function groupEdges(graph: CanvasGraph): Map<string, ApiEdge[]> {
  const groups = new Map<string, ApiEdge[]>();
  for (const edge of Object.values(graph.edges)) {
    const key = pairKey(edge.source, edge.target);
    const list = groups.get(key);
    if (list) list.push(edge);
    else groups.set(key, [edge]);
  }
  return groups;
}

export function groupLabel(count: number): string {
  return `${count} relationships`;
}

/**
 * What Cytoscape draws for the canvas graph: nodes, and relationships one edge each, except that several
 * between the same two nodes are folded into one edge labelled with their count until the pair is expanded.
 */
export function toElements(graph: CanvasGraph, expanded: Set<string>, styles: LabelStyles = {}): ElementDefinition[] {
  const ranges = sizeRanges(Object.values(graph.nodes), styles);
  const nodes = Object.values(graph.nodes).map((node) => ({
    group: 'nodes' as const,
    data: { id: node.id, ...nodeLook(node, styles, ranges) },
  }));
  const edges: ElementDefinition[] = [];
  for (const [key, members] of groupEdges(graph)) {
    if (members.length > 1 && !expanded.has(key)) {
      const [first] = members;
      edges.push({
        group: 'edges',
        classes: 'group',
        data: {
          id: groupElementId(key),
          source: first!.source,
          target: first!.target,
          label: groupLabel(members.length),
          members: members.map((edge) => edge.id),
          width: Math.min(9, 2 + members.length / 2),
        },
      });
      continue;
    }
    for (const edge of members)
      edges.push({
        group: 'edges',
        data: {
          id: edgeElementId(edge.id),
          source: edge.source,
          target: edge.target,
          type: edge.type,
          label: edge.type,
          width: edgeWidth(edge.properties.amountUsd),
        },
      });
  }
  return [...nodes, ...edges];
}
