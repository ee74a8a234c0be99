import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../client/src/canvas/computeLayout.js';
import type { LayoutRequest } from '../../../client/src/canvas/layoutWorker.js';
import { idealLength, layoutBox } from '../../../client/src/canvas/layouts.js';

/** A root with 60 children, as the whole default graph is under a hub: dagre makes one level 60 nodes tall. */
function star(name: LayoutRequest['name'], aspect: number): LayoutRequest {
  const ids = Array.from({ length: 61 }, (_, index) => `n${index}`);
  return {
    id: 1,
    name,
    incremental: false,
    aspect,
    nodes: ids.map((id, index) => ({ id, position: { x: index, y: index }, locked: false, ...layoutBox(30, id) })),
    edges: ids.slice(1).map((id, index) => ({ id: `e${index}`, source: 'n0', target: id })),
  };
}

function extent(positions: Record<string, { x: number; y: number }>) {
  const points = Object.values(positions);
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}

describe('the shape of a layout', () => {
  it('When the hierarchy has a level of 60 nodes, then it is wrapped to about the canvas shape, not one tall column', () => {
    const { positions } = computeLayout(star('dagre', 1280 / 800));
    const { width, height } = extent(positions);
    expect(width / height).toBeGreaterThan(0.5);
    expect(width / height).toBeLessThan(4);
    const distinct = new Set(Object.values(positions).map((point) => `${Math.round(point.x)},${Math.round(point.y)}`));
    expect(distinct.size).toBe(61);
    // The root stays left of every child: levels keep their order.
    const root = positions.n0!;
    expect(Object.entries(positions).every(([id, point]) => id === 'n0' || point.x > root.x)).toBe(true);
  });

  it('When a node id is __proto__, then the wrapped hierarchy still places it', () => {
    const request = star('dagre', 1.6);
    request.nodes[5]!.id = '__proto__';
    request.edges[4]!.target = '__proto__';
    const { positions } = computeLayout(request);
    expect(Object.hasOwn(positions, '__proto__')).toBe(true);
    expect(Object.keys(positions)).toHaveLength(61);
  });

  it('When relationships are folded into a group, then its ideal length grows with their count', () => {
    expect(idealLength('17 relationships', 17)).toBeGreaterThan(idealLength('2 relationships', 2));
    expect(idealLength('2 relationships', 2)).toBeGreaterThan(idealLength('OWNS', 1));
    expect(idealLength('OWNS', 1)).toBe(150);
  });

  it('When a node has a long caption, then the layout sees it as wide as its caption', () => {
    expect(layoutBox(30, 'Microsoft Corporation').width).toBeGreaterThan(120);
    expect(layoutBox(30, '').width).toBe(30);
  });

  it('When two nodes joined by a group of 17 are laid out by force, then they stand apart by more than the count label', () => {
    const request: LayoutRequest = {
      id: 1,
      name: 'fcose',
      incremental: false,
      nodes: ['a', 'b', 'c'].map((id, at) => ({ id, position: { x: at, y: 0 }, locked: false, ...layoutBox(30, id) })),
      edges: [
        { id: 'g', source: 'a', target: 'b', length: idealLength('17 relationships', 17) },
        { id: 'e', source: 'b', target: 'c', length: idealLength('OWNS', 1) },
      ],
    };
    const { positions } = computeLayout(request);
    const distance = Math.hypot(positions.a!.x - positions.b!.x, positions.a!.y - positions.b!.y);
    expect(distance).toBeGreaterThan(200);
  });
});
