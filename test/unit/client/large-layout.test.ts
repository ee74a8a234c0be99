import { describe, expect, it } from 'vitest';
import { computeLayout, layoutSteps } from '../../../client/src/canvas/computeLayout.js';
import type { LayoutRequest } from '../../../client/src/canvas/layoutWorker.js';
import { forceAtlasFrom, layoutEngine } from '../../../client/src/canvas/layouts.js';
import { distinctPlaces, overlapShare } from '../../../client/src/canvas/overlap.js';
import { ringPositions } from '../../../client/src/canvas/rings.js';
import { nodeSize } from '../../../client/src/canvas/style.js';

/** A connected graph: a random tree plus as many random extra edges, every node at the origin (a pile). */
function randomGraph(nodeCount: number, locked: string[] = []): LayoutRequest {
  let state = 42;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const ids = Array.from({ length: nodeCount }, (_, index) => `n${index}`);
  const edges = ids
    .slice(1)
    .map((id, index) => ({ id: `t${index}`, source: id, target: ids[Math.floor(random() * (index + 1))]! }));
  for (let index = 0; index < nodeCount; index++) {
    edges.push({
      id: `x${index}`,
      source: ids[Math.floor(random() * nodeCount)]!,
      target: ids[Math.floor(random() * nodeCount)]!,
    });
  }
  return {
    id: 1,
    name: 'fcose',
    incremental: false,
    nodes: ids.map((id, index) => ({ id, position: { x: index, y: -index }, locked: locked.includes(id) })),
    edges,
  };
}

/** A hub with `count` neighbours and nothing else, all piled on the hub (as an expansion adds them). */
function star(count: number): LayoutRequest {
  return {
    id: 2,
    name: 'fcose',
    incremental: true,
    nodes: [
      { id: 'hub', position: { x: 0, y: 0 }, locked: false },
      ...Array.from({ length: count }, (_, index) => ({ id: `leaf${index}`, position: { x: 0, y: 0 }, locked: false })),
    ],
    edges: Array.from({ length: count }, (_, index) => ({ id: `e${index}`, source: 'hub', target: `leaf${index}` })),
  };
}

describe('overlap measure', () => {
  it('When no two nodes are within a diameter of each other, then the overlap is 0', () => {
    const grid = Array.from({ length: 100 }, (_, index) => ({ x: (index % 10) * 31, y: Math.floor(index / 10) * 31 }));
    expect(overlapShare(grid, 30)).toBe(0);
  });

  it('When two of four nodes touch, then the overlap is half, even across grid cells', () => {
    const points = [
      { x: 29.5, y: 0 },
      { x: 31, y: 10 },
      { x: 200, y: 200 },
      { x: -200, y: 0 },
    ];
    expect(overlapShare(points, 30)).toBe(0.5);
  });

  it('When every node is on one spot, then the overlap is 1 and there is one distinct place', () => {
    const pile = Array.from({ length: 50 }, () => ({ x: 3, y: 4 }));
    expect(overlapShare(pile, 30)).toBe(1);
    expect(distinctPlaces(pile)).toBe(1);
    expect(overlapShare([], 30)).toBe(0);
  });
});

describe('rings around a hub', () => {
  it('When a hub has 3,000 neighbours, then they get rings around it, none touching another or the hub', () => {
    const centre = { x: 500, y: -200 };
    const spacing = nodeSize * 1.5;
    const rings = ringPositions(centre, 3000, spacing);
    expect(rings).toHaveLength(3000);
    expect(overlapShare([centre, ...rings], nodeSize)).toBe(0);
    const radii = rings.map((point) => Math.hypot(point.x - centre.x, point.y - centre.y));
    expect(Math.min(...radii)).toBeCloseTo(spacing);
    // About as compact as a disc can hold them: the area per node is near spacing².
    const outer = Math.max(...radii);
    expect((Math.PI * outer * outer) / 3000).toBeLessThan(spacing * spacing * 1.4);
  });

  it('When a last ring is partial, then its nodes spread over the whole circle', () => {
    const rings = ringPositions({ x: 0, y: 0 }, 7, 40);
    // The first ring holds 6: the seventh starts the second ring alone.
    expect(rings.slice(0, 6).every((point) => Math.abs(Math.hypot(point.x, point.y) - 40) < 1e-9)).toBe(true);
    expect(Math.hypot(rings[6]!.x, rings[6]!.y)).toBeCloseTo(80);
  });

  it('When the spacing is zero, then it is refused instead of looping for ever', () => {
    expect(() => ringPositions({ x: 0, y: 0 }, 7, 0)).toThrow(RangeError);
  });
});

describe('which engine lays a graph out', () => {
  it(`When the force-directed layout has ${forceAtlasFrom} nodes or more, then ForceAtlas2 computes it; below, fcose`, () => {
    expect(layoutEngine('fcose', forceAtlasFrom - 1)).toBe('cytoscape');
    expect(layoutEngine('fcose', forceAtlasFrom)).toBe('forceAtlas2');
    expect(layoutEngine('fcose', 10_000)).toBe('forceAtlas2');
  });

  it('When the layout is concentric or hierarchical, then Cytoscape computes it at any size', () => {
    expect(layoutEngine('concentric', 10_000)).toBe('cytoscape');
    expect(layoutEngine('dagre', 10_000)).toBe('cytoscape');
  });
});

describe('ForceAtlas2 on large graphs', () => {
  it('When 3,000 piled-up nodes are laid out, then positions stream in steps and the last spreads them, under 2 % touching', () => {
    const steps = layoutSteps(randomGraph(3000));
    let progress = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) {
      expect(step.value.final).toBe(false);
      expect(Object.keys(step.value.positions)).toHaveLength(3000);
      progress++;
    }
    expect(progress).toBeGreaterThan(0);
    expect(step.value.final).toBe(true);
    const points = Object.values(step.value.positions);
    expect(points.every((point) => Number.isFinite(point.x) && Number.isFinite(point.y))).toBe(true);
    expect(overlapShare(points, nodeSize)).toBeLessThan(0.02);
    expect(distinctPlaces(points)).toBe(3000);
  }, 60_000);

  it('When a node is pinned, then ForceAtlas2 and the overlap pass leave it where it was', () => {
    const request = randomGraph(forceAtlasFrom + 100, ['n7']);
    const result = computeLayout(request);
    expect(result.positions.n7).toEqual(request.nodes[7]!.position);
    expect(result.positions.n8).not.toEqual(request.nodes[8]!.position);
  }, 60_000);

  it('When a laid-out graph gains a few nodes, then the incremental layout keeps the rest of the picture', () => {
    const before = randomGraph(600);
    const first = computeLayout(before);
    const newcomers = Array.from({ length: 20 }, (_, index) => `new${index}`);
    const request: LayoutRequest = {
      ...before,
      incremental: true,
      nodes: [
        ...before.nodes.map((node) => ({ ...node, position: first.positions[node.id]! })),
        // Where the canvas puts a new node: beside its neighbour.
        ...newcomers.map((id, index) => {
          const { x, y } = first.positions[`n${index * 7}`]!;
          return { id, position: { x: x + 60, y }, locked: false };
        }),
      ],
      edges: [
        ...before.edges,
        ...newcomers.map((id, index) => ({ id: `to-${id}`, source: id, target: `n${index * 7}` })),
      ],
    };
    const second = computeLayout(request);
    const spread = Math.max(...Object.values(first.positions).map((point) => Math.hypot(point.x, point.y)));
    const moved = before.nodes
      .map(({ id }) =>
        Math.hypot(second.positions[id]!.x - first.positions[id]!.x, second.positions[id]!.y - first.positions[id]!.y),
      )
      .sort((a, b) => a - b);
    expect(moved[Math.floor(moved.length / 2)]).toBeLessThan(spread * 0.1);
  }, 60_000);

  it('When a hub with 2,000 neighbours piled on it is laid out, then they stand in rings around it, none touching', () => {
    const result = computeLayout(star(2000));
    const points = Object.values(result.positions);
    const hub = result.positions.hub!;
    const distances = points.map((point) => Math.hypot(point.x - hub.x, point.y - hub.y));
    // A disc: its area per node is close to the ring spacing squared.
    expect((Math.PI * Math.max(...distances) ** 2) / 2000).toBeLessThan((nodeSize * 2) ** 2);
    expect(overlapShare(points, nodeSize)).toBeLessThan(0.02);
    expect(distinctPlaces(points)).toBe(2001);
  }, 60_000);
});
