/** What the canvas's keys read (controllers/keyboardMoves.ts), free of the page so that it can be tested alone. */
import type { CanvasGraph } from '../graph/canvasState';

interface Point {
  x: number;
  y: number;
}

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
