/**
 * What the canvas's keys do (the keyboard controller, keyboard.ts, loads this when the canvas first takes the
 * focus: most visits never need it, and the explorer's first load has a budget).
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { CanvasGraph } from '../../graph/canvasState';
import { track } from '../../probe/probe';
import type { Selection } from './selection';

interface Point {
  x: number;
  y: number;
}

/** The arrow keys as unit steps on the screen (y grows downwards). */
const arrows: Record<string, Point> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

/** A node further off the arrow's line than this (cosine of 67.5°) is not in its direction. */
const widest = Math.cos((67.5 * Math.PI) / 180);

/**
 * Of `candidates`, the one an arrow from `from` points at: within 67.5° of its direction, nearest first, a
 * node straight ahead counting as nearer than one as far off to the side.
 */
export function inDirection<T extends Point>(from: Point, candidates: T[], direction: Point): T | undefined {
  let best: { candidate: T; score: number } | undefined;
  for (const candidate of candidates) {
    const dx = candidate.x - from.x;
    const dy = candidate.y - from.y;
    const distance = Math.hypot(dx, dy);
    if (distance === 0) continue;
    const cosine = (dx * direction.x + dy * direction.y) / distance;
    if (cosine < widest) continue;
    const score = distance * (1 + 2 * (1 - cosine));
    if (!best || score < best.score) best = { candidate, score };
  }
  return best?.candidate;
}

export interface CanvasKeys {
  onSelect(selection: Selection | undefined): void;
  onContextMenu(nodeId: string, at: { x: number; y: number }): void;
}

const shownNodes = (cy: Core) => cy.nodes().not('.filtered');

/** The shown node nearest the middle of the view: where the keyboard starts when nothing is selected. */
function middleNode(cy: Core): NodeSingular | undefined {
  const middle = { x: cy.width() / 2, y: cy.height() / 2 };
  let best: { node: NodeSingular; distance: number } | undefined;
  shownNodes(cy).forEach((node) => {
    const at = node.renderedPosition();
    const distance = Math.hypot(at.x - middle.x, at.y - middle.y);
    if (!best || distance < best.distance) best = { node, distance };
  });
  return best?.node;
}

/** Moves the view to `node` when it is drawn outside it, or too close to its edge to be seen. */
function keepInView(cy: Core, node: NodeSingular): void {
  const at = node.renderedPosition();
  const margin = 40;
  if (at.x >= margin && at.y >= margin && at.x <= cy.width() - margin && at.y <= cy.height() - margin) return;
  const done = track();
  cy.animate({ center: { eles: node } }, { duration: 200, complete: done });
}

/** What a screen reader says of the node the keyboard is on: its caption, labels and what it is linked to. */
export function describeNode(graph: CanvasGraph, id: string): string {
  const node = graph.nodes[id];
  if (!node) return '';
  const edges = Object.values(graph.edges).filter((edge) => edge.source === id || edge.target === id);
  const neighbours = new Set(edges.map((edge) => (edge.source === id ? edge.target : edge.source)));
  neighbours.delete(id);
  const names = [...neighbours].flatMap((other) => (graph.nodes[other] ? [graph.nodes[other].caption] : []));
  const listed = names.slice(0, 5).join(', ') + (names.length > 5 ? ` and ${names.length - 5} more` : '');
  return (
    `${node.caption}, ${node.labels.join(', ') || 'node'}: ` +
    (neighbours.size === 0
      ? 'no neighbour drawn.'
      : `${edges.length} relationship${edges.length === 1 ? '' : 's'} drawn with ${neighbours.size} ` +
        `neighbour${neighbours.size === 1 ? '' : 's'} (${listed}).`)
  );
}

/** The neighbour of `start` an arrow points at, else any shown node it points at. */
function nextNode(cy: Core, start: NodeSingular, direction: Point): NodeSingular | undefined {
  const from = start.renderedPosition();
  const placed = (nodes: NodeSingular[]) => nodes.map((node) => ({ node, ...node.renderedPosition() }));
  const neighbours = start.neighborhood().nodes().not('.filtered').toArray() as NodeSingular[];
  return (
    inDirection(from, placed(neighbours), direction)?.node ??
    inDirection(from, placed(shownNodes(cy).toArray() as NodeSingular[]), direction)?.node
  );
}

/** What the canvas's keys see: the page's callbacks, the selection and the graph, the latest given. */
export interface KeyState {
  keys: CanvasKeys;
  selected: Selection | undefined;
  graph: CanvasGraph;
}

/**
 * Does what `key` asks on the canvas: an arrow moves the selection from a node to the neighbour drawn in the
 * arrow's direction (any shown node there when no neighbour is; the node nearest the middle when nothing is
 * selected), Enter or Space opens the selected node's menu, Escape clears the selection.
 */
export function onCanvasKey(cy: Core, element: HTMLElement, key: string, { keys, selected, graph }: KeyState): void {
  const current = selected && cy.getElementById(selected.kind === 'node' ? selected.id : `edge:${selected.id}`);
  // A selected relationship: the keyboard goes on from its source.
  const from =
    current?.nonempty() && !current.hasClass('filtered') ? (current.isEdge() ? current.source() : current) : undefined;
  const direction = arrows[key];
  if (direction) {
    const next = from ? nextNode(cy, from, direction) : middleNode(cy);
    if (!next) return;
    keys.onSelect({ kind: 'node', id: next.id() });
    keepInView(cy, next);
    return;
  }
  if (key === 'Enter' || key === ' ') {
    if (!from) {
      const middle = middleNode(cy);
      if (middle) keys.onSelect({ kind: 'node', id: middle.id() });
      return;
    }
    if (!graph.nodes[from.id()]) return;
    const box = element.getBoundingClientRect();
    const at = from.renderedPosition();
    keys.onContextMenu(from.id(), { x: box.left + at.x, y: box.top + at.y });
    return;
  }
  if (key === 'Escape' && selected) keys.onSelect(undefined);
}

/** What a screen reader says of the selection while the canvas has the focus. */
export function describeSelection(graph: CanvasGraph, selected: Selection | undefined): string {
  if (!selected) return 'Nothing selected. Press an arrow key to select the node in the middle of the view.';
  if (selected.kind === 'edge') {
    const edge = graph.edges[selected.id];
    return edge ? `${edge.type} relationship selected; arrow keys go on from its source.` : '';
  }
  return describeNode(graph, selected.id);
}
