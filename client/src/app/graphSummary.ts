import { groupEdges, pairKey } from '../canvas/edgeGroups';
import type { Selection } from '../canvas/GraphCanvas';
import type { CanvasGraph } from '../graph/canvasState';
import type { NoteTarget } from '../investigations/useNotes';
import { isInternalKey } from '../styling/labelStyles';
import { dict } from './records';

/**
 * Labels and types on the canvas with their counts, the labels a node is drawn in (its first: a node's other
 * labels do not colour it, so the legend gives them no swatch), and property keys per (first) label.
 */
export function countGraph(graph: CanvasGraph) {
  const labels = new Map<string, number>();
  const types = new Map<string, number>();
  for (const node of Object.values(graph.nodes))
    for (const label of node.labels) labels.set(label, (labels.get(label) ?? 0) + 1);
  for (const edge of Object.values(graph.edges)) types.set(edge.type, (types.get(edge.type) ?? 0) + 1);
  // Property keys per (first) label, for the legend's caption and size choices.
  const keys = new Map<string, { all: Set<string>; numeric: Set<string> }>();
  for (const node of Object.values(graph.nodes)) {
    const label = node.labels[0];
    if (!label) continue;
    const found = keys.get(label) ?? { all: new Set<string>(), numeric: new Set<string>() };
    keys.set(label, found);
    for (const [key, value] of Object.entries(node.properties)) {
      if (isInternalKey(key)) continue;
      if (typeof value === 'string' || typeof value === 'number') found.all.add(key);
      if (typeof value === 'number') found.numeric.add(key);
    }
  }
  return {
    labels: [...labels].sort(),
    drawnLabels: [...keys.keys()].sort(),
    types: [...types].sort(),
    keys: dict(
      [...keys].map(([label, found]) => [label, { all: [...found.all].sort(), numeric: [...found.numeric].sort() }]),
    ),
  };
}

/** The selected node or relationship with what the inspector shows beside it, if it is on the canvas. */
export function inspectedOf(graph: CanvasGraph, selected: Selection | undefined) {
  const node = selected?.kind === 'node' ? graph.nodes[selected.id] : undefined;
  if (node) return { kind: 'node' as const, node };
  const edge = selected?.kind === 'edge' ? graph.edges[selected.id] : undefined;
  if (!edge) return undefined;
  return { kind: 'edge' as const, edge, source: graph.nodes[edge.source], target: graph.nodes[edge.target] };
}

/**
 * The groups of two or more relationships between the selection and a neighbour (for a relationship, its own
 * pair's group): those folded into one counted edge, and those drawn one by one (`unfolded`).
 */
export function groupsAround(graph: CanvasGraph, selected: Selection | undefined, unfolded: Set<string>) {
  const edge = selected?.kind === 'edge' ? graph.edges[selected.id] : undefined;
  const ends = selected?.kind === 'node' ? [selected.id] : edge ? [edge.source, edge.target] : [];
  const found = { folded: [] as Group[], unfolded: [] as Group[] };
  if (!ends.length) return found;
  for (const [key, members] of groupEdges(graph)) {
    const [first] = members;
    if (members.length < 2 || !first) continue;
    if (edge && key !== pairKey(edge.source, edge.target)) continue;
    const end = ends.find((id) => id === first.source || id === first.target);
    if (!end) continue;
    const neighbour = first.source === end ? first.target : first.source;
    if (key !== pairKey(end, neighbour)) continue;
    const group = { key, neighbour: graph.nodes[neighbour]?.caption ?? neighbour, count: members.length };
    (unfolded.has(key) ? found.unfolded : found.folded).push(group);
  }
  return found;
}

interface Group {
  key: string;
  neighbour: string;
  count: number;
}

/** How a note's target reads: a node's caption, a relationship as "source TYPE target", or the canvas. */
export function nameOfTarget(graph: CanvasGraph, target: NoteTarget): string {
  if (target.kind === 'canvas') return 'the canvas';
  if (target.kind === 'node') return graph.nodes[target.id]?.caption ?? target.id;
  const edge = graph.edges[target.id];
  if (!edge) return target.id;
  return `${graph.nodes[edge.source]?.caption ?? edge.source} ${edge.type} ${graph.nodes[edge.target]?.caption ?? edge.target}`;
}
