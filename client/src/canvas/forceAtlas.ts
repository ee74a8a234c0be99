import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import { dict } from '../app/records.js';
import type { EntentePoint } from '../probe/types.js';
import { ringPositions } from './rings.js';
import { seededRandom } from '../../../shared/seededRandom.js';
import { nodeSize } from './style.js';

export interface ForceAtlasInput {
  incremental: boolean;
  nodes: { id: string; position: EntentePoint; locked: boolean }[];
  edges: { source: string; target: string }[];
}

export type Positions = Record<string, EntentePoint>;

/**
 * Canvas units per ForceAtlas2 unit. With the settings below FA2 settles nodes about 18·√n units from their
 * centre at the 90th percentile; times 3, a node has about three diameters of room each way, which leaves
 * noverlap little to push (measured at 5,000 nodes: at 1.7 it took 3.5 s and left 1.2 % touching, at 3 it
 * took 0.3–1.7 s and left none). One constant, not a fit to each result, so that pinned nodes, held fixed in
 * FA2's units, come back exactly where they were.
 */
const canvasPerUnit = 3;
/**
 * How long the layout computes before handing over positions to draw, in milliseconds: 200, and longer for
 * large graphs (a second at 10,000 nodes), whose every drawing takes the page's main thread a while.
 */
const stepMilliseconds = (nodeCount: number) => Math.max(200, nodeCount / 10);
/** Iterations between two stability checks. */
const checkEvery = 10;
/**
 * Stable: the nodes move on average less than this share of the layout's radius per iteration. Below it
 * the picture no longer changes visibly; waiting for FA2's own fixed point would take several times longer.
 */
const stableMovement = 0.0012;
/** Past these the layout is taken as it is: a graph that keeps oscillating must not keep the worker busy. */
const maxIterations = 1500;
const maxMilliseconds = 30_000;

/**
 * A hub with this many satellites (neighbours linked to nothing else) gets them in rings around it: ForceAtlas2
 * packs them into a thin crowded circle that no overlap pass untangles in time.
 */
const satellitesFrom = 30;
/** Between two places on a ring: more than a node and noverlap's margin on both sides. */
const ringSpacing = nodeSize * 1.4;
const overlapMargin = nodeSize * 0.15;

function readPositions(graph: Graph, factor: number): Positions {
  const positions: Positions = dict();
  graph.forEachNode((id, attributes) => {
    positions[id] = { x: (attributes.x as number) * factor, y: (attributes.y as number) * factor };
  });
  return positions;
}

/** The mean distance a node moved between two readings, and the radius holding 90 % of the nodes. */
function movement(before: Positions, after: Positions): { moved: number; radius: number } {
  const ids = Object.keys(after);
  let moved = 0;
  let centreX = 0;
  let centreY = 0;
  for (const id of ids) {
    const now = after[id]!;
    const then = before[id]!;
    moved += Math.hypot(now.x - then.x, now.y - then.y);
    centreX += now.x;
    centreY += now.y;
  }
  centreX /= ids.length;
  centreY /= ids.length;
  const distances = ids.map((id) => Math.hypot(after[id]!.x - centreX, after[id]!.y - centreY)).sort((a, b) => a - b);
  return { moved: moved / ids.length, radius: distances[Math.floor(distances.length * 0.9)] || 1 };
}

/** Satellites by hub, for hubs with enough of them to be worth rings; pinned satellites stay where they are. */
function satellitesByHub(graph: Graph, locked: Set<string>): Map<string, string[]> {
  const byHub = new Map<string, string[]>();
  graph.forEachNode((id) => {
    const neighbours = graph.neighbors(id);
    if (neighbours.length !== 1 || locked.has(id)) return;
    const hub = neighbours[0]!;
    if (graph.neighbors(hub).length === 1) return;
    const satellites = byHub.get(hub);
    if (satellites) satellites.push(id);
    else byHub.set(hub, [id]);
  });
  for (const [hub, satellites] of byHub) if (satellites.length < satellitesFrom) byHub.delete(hub);
  return byHub;
}

/**
 * ForceAtlas2 (Barnes–Hut from 1,000 nodes) until the picture is stable, a hub's satellites in rings around
 * it, then noverlap so that no two nodes touch. A generator: each step computes for a while and yields the
 * positions so far, so that the caller can draw them and stop early; the returned value is the final layout.
 * Locked nodes stay put.
 * `incremental` starts from the given positions; otherwise from a seeded scatter.
 */
export function* forceAtlasSteps({ incremental, nodes, edges }: ForceAtlasInput): Generator<Positions, Positions> {
  const graph = new Graph();
  const random = seededRandom(nodes.length);
  const scatter = Math.sqrt(nodes.length) * 20;
  for (const node of nodes) {
    // Barnes–Hut never finishes splitting its quadtree around two nodes on one spot (a pile, or positions
    // rounded in a shared link): a nudge of a hundredth of a node keeps every start apart.
    // Pinned nodes are nudged too (they may share a spot) and put back exactly at the end.
    const nudge = nodeSize / 100;
    const start =
      incremental || node.locked
        ? {
            x: (node.position.x + (random() - 0.5) * nudge) / canvasPerUnit,
            y: (node.position.y + (random() - 0.5) * nudge) / canvasPerUnit,
          }
        : { x: (random() - 0.5) * scatter, y: (random() - 0.5) * scatter };
    graph.addNode(node.id, { ...start, fixed: node.locked, size: nodeSize / 2 });
  }
  for (const edge of edges) {
    if (edge.source !== edge.target && graph.hasNode(edge.source) && graph.hasNode(edge.target)) {
      graph.mergeEdge(edge.source, edge.target);
    }
  }
  const locked = nodes.filter((node) => node.locked);
  const settings = {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order >= 1000,
    // Twice as coarse as the default: three times faster (9.5 against 30 ms an iteration at 5,000 nodes), and
    // a difference no one sees in the picture.
    barnesHutTheta: 1,
  };

  const sliceMs = stepMilliseconds(graph.order);
  const started = performance.now();
  let sliceStarted = started;
  let iterations = 0;
  let before = readPositions(graph, canvasPerUnit);
  while (graph.size > 0 && iterations < maxIterations && performance.now() - started < maxMilliseconds) {
    forceAtlas2.assign(graph, { iterations: checkEvery, settings });
    iterations += checkEvery;
    const after = readPositions(graph, canvasPerUnit);
    const { moved, radius } = movement(before, after);
    before = after;
    if (moved / checkEvery / radius < stableMovement) break;
    if (performance.now() - sliceStarted > sliceMs) {
      yield after;
      sliceStarted = performance.now();
    }
  }

  graph.updateEachNodeAttributes((_, attributes) => ({
    ...attributes,
    x: (attributes.x as number) * canvasPerUnit,
    y: (attributes.y as number) * canvasPerUnit,
  }));
  for (const [hub, satellites] of satellitesByHub(graph, new Set(locked.map((node) => node.id)))) {
    const rings = ringPositions(graph.getNodeAttributes(hub) as EntentePoint, satellites.length, ringSpacing);
    satellites.forEach((id, index) => graph.mergeNodeAttributes(id, rings[index]!));
  }
  // About one node per grid cell: with noverlap's default of 20 × 20 cells, 10,000 nodes took 26 s.
  const gridSize = Math.max(20, Math.ceil(Math.sqrt(graph.order)));
  for (let round = 0; round < 50; round++) {
    const previous = readPositions(graph, 1);
    noverlap.assign(graph, { maxIterations: 5, settings: { margin: overlapMargin, gridSize, ratio: 1 } });
    const next = readPositions(graph, 1);
    if (movement(previous, next).moved === 0) break;
    if (performance.now() - sliceStarted > sliceMs) {
      yield next;
      sliceStarted = performance.now();
    }
  }
  const positions = readPositions(graph, 1);
  // noverlap knows nothing of pinned nodes: they go back where the user put them.
  for (const node of locked) positions[node.id] = { ...node.position };
  return positions;
}
