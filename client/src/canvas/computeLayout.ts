import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { dict } from '../app/records.js';
import fcose from 'cytoscape-fcose';
import { forceAtlasSteps, type Positions } from './forceAtlas.js';
import type { LayoutRequest, LayoutResult } from './layoutWorker.js';
import { layoutEngine, layoutOptions, wrapLevels } from './layouts.js';
import { nodeSize } from './style.js';

cytoscape.use(fcose);
cytoscape.use(dagre);

/**
 * Lays a graph out in a headless Cytoscape, from the positions given; locked nodes stay put. The layouts
 * (fcose, dagre) keep nodes in plain objects keyed by id, where a node with the id `__proto__` was lost and
 * the layout failed: they are given ids of their own (n0, n1…) and the positions read back by index.
 */
function cytoscapeLayout({ name, incremental, nodes, edges, aspect }: LayoutRequest): Positions {
  const index = new Map(nodes.map((node, at) => [node.id, `n${at}`]));
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    // Nodes as big as they are with their captions, so that layouts keep captions apart too.
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)' } }],
    elements: [
      ...nodes.map((node) => ({
        data: { id: index.get(node.id)!, width: node.width ?? nodeSize, height: node.height ?? nodeSize },
        position: { ...node.position },
        locked: node.locked,
      })),
      ...edges.flatMap((edge, at) => {
        const [source, target] = [index.get(edge.source), index.get(edge.target)];
        return source && target ? [{ data: { id: `e${at}`, source, target, length: edge.length } }] : [];
      }),
    ],
    // Without it, Cytoscape's default (null) layout would put every node at the origin.
    layout: { name: 'preset' },
  });
  cy.layout(layoutOptions(name, incremental)).run();
  const positions: Positions = dict();
  nodes.forEach((node) => {
    positions[node.id] = { ...cy.getElementById(index.get(node.id)!).position() };
  });
  cy.destroy();
  return name === 'dagre' ? wrapLevels(positions, nodes, aspect ?? 1.6) : positions;
}

/**
 * Lays out a graph step by step: yields the positions so far every couple of hundred milliseconds (ForceAtlas2
 * on large graphs) and ends with the final ones (`final: true`). Runs in layout.worker.ts, off the page's main
 * thread, which draws each step and may stop asking for more.
 */
export function* layoutSteps(request: LayoutRequest): Generator<LayoutResult, LayoutResult> {
  if (layoutEngine(request.name, request.nodes.length) === 'cytoscape') {
    return { id: request.id, positions: cytoscapeLayout(request), final: true };
  }
  const steps = forceAtlasSteps(request);
  let step = steps.next();
  for (; !step.done; step = steps.next()) yield { id: request.id, positions: step.value, final: false };
  return { id: request.id, positions: step.value, final: true };
}

/** The final layout, computed in one go. */
export function computeLayout(request: LayoutRequest): LayoutResult {
  const steps = layoutSteps(request);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
