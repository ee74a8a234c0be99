import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import type { LayoutRequest, LayoutResult } from './layoutWorker';
import { layoutOptions } from './layouts';
import { nodeSize } from './style';

cytoscape.use(fcose);
cytoscape.use(dagre);

/**
 * Lays out a graph's structure in a headless Cytoscape, from the positions given; locked nodes stay put.
 * Runs in layout.worker.ts, off the page's main thread.
 */
export function computeLayout({ id, name, incremental, nodes, edges }: LayoutRequest): LayoutResult {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: nodeSize, height: nodeSize } }],
    elements: [
      ...nodes.map((node) => ({ data: { id: node.id }, position: { ...node.position }, locked: node.locked })),
      ...edges.map((edge) => ({ data: edge })),
    ],
    // Without it, Cytoscape's default (null) layout would put every node at the origin.
    layout: { name: 'preset' },
  });
  cy.layout(layoutOptions(name, nodes.length, incremental)).run();
  const positions: LayoutResult['positions'] = {};
  cy.nodes().forEach((node) => {
    positions[node.id()] = { ...node.position() };
  });
  cy.destroy();
  return { id, positions };
}
