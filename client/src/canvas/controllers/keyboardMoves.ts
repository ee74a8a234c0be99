/**
 * What the canvas's keys do (the keyboard controller, keyboard.ts, loads this when the canvas first takes the
 * focus: most visits never need it, and the explorer's first load has a budget).
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { CanvasGraph } from '../../graph/canvasState';
import { track } from '../../probe/probe';
import { describeNode, inDirection } from '../neighbours';
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
  // A selected relationship, drawn alone or within a folded group: the keyboard goes on from its source.
  const fromId =
    selected?.kind === 'node'
      ? selected.id
      : selected && Object.hasOwn(graph.edges, selected.id)
        ? graph.edges[selected.id]!.source
        : undefined;
  const start = fromId === undefined ? undefined : cy.getElementById(fromId);
  const from = start?.nonempty() && !start.hasClass('filtered') ? start : undefined;
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
