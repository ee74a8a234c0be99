import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../client/src/canvas/computeLayout.js';
import type { LayoutRequest } from '../../../client/src/canvas/layoutWorker.js';
import type { LayoutName } from '../../../client/src/canvas/layouts.js';

// A ring of 12 nodes with 4 chords, starting from scattered positions.
function request(name: LayoutName, incremental: boolean, locked: string[] = []): LayoutRequest {
  const ids = Array.from({ length: 12 }, (_, index) => `n${index}`);
  return {
    id: 1,
    name,
    incremental,
    nodes: ids.map((id, index) => ({
      id,
      position: { x: (index * 97) % 400, y: (index * 53) % 300 },
      locked: locked.includes(id),
    })),
    edges: [
      ...ids.map((id, index) => ({ id: `r${index}`, source: id, target: ids[(index + 1) % ids.length]! })),
      ...[0, 1, 2, 3].map((index) => ({ id: `c${index}`, source: ids[index]!, target: ids[index + 6]! })),
    ],
  };
}

/** Whether the points spread in two dimensions (not all on one line or one spot). */
function spreadInTwoDimensions(points: { x: number; y: number }[]): boolean {
  const [first, second] = points;
  return points.some(
    (point) =>
      Math.abs((second!.x - first!.x) * (point.y - first!.y) - (second!.y - first!.y) * (point.x - first!.x)) > 100,
  );
}

describe('layouts off the main thread', () => {
  for (const [name, incremental] of [
    ['fcose', false],
    ['fcose', true],
    ['concentric', false],
    ['dagre', false],
  ] as const) {
    it(`When ${name} runs${incremental ? ' from the current positions' : ''}, then every node gets a place and they spread out`, () => {
      const result = computeLayout(request(name, incremental));
      expect(Object.keys(result.positions)).toHaveLength(12);
      const points = Object.values(result.positions);
      expect(points.every((point) => Number.isFinite(point.x) && Number.isFinite(point.y))).toBe(true);
      expect(spreadInTwoDimensions(points)).toBe(true);
      const distinct = new Set(points.map((point) => `${Math.round(point.x)},${Math.round(point.y)}`));
      expect(distinct.size).toBe(12);
    });
  }

  it('When a node is pinned, then the layout leaves it where it was', () => {
    const given = request('fcose', true, ['n3']);
    const result = computeLayout(given);
    expect(result.positions.n3).toEqual(given.nodes[3]!.position);
    expect(result.positions.n4).not.toEqual(given.nodes[4]!.position);
  });
});
