import type { Core } from 'cytoscape';

/** Captions are drawn 10 graph units high (style.ts): from this zoom on they read at 11.5 px. */
export const readableZoom = 1.15;

/** From this many nodes on, the first picture stays the whole graph (an overview, drawn as outlines). */
const wholeFrom = 500;

/**
 * The first picture of a graph, after its first layout was fitted: kept when its captions read at that zoom;
 * else zoomed in to where they do, on the most connected part (the centre of the nodes weighted by their
 * degree squared, so the hubs and what lies between them are in view). The rest is a drag, a wheel or Fit
 * away.
 */
export function openReadable(cy: Core): void {
  const shown = cy.nodes().not('.filtered');
  if (shown.empty() || shown.length >= wholeFrom || cy.zoom() >= readableZoom) return;
  let [x, y, total] = [0, 0, 0];
  shown.forEach((node) => {
    const weight = (node.degree(false) + 1) ** 2;
    x += node.position('x') * weight;
    y += node.position('y') * weight;
    total += weight;
  });
  cy.viewport({
    zoom: readableZoom,
    pan: { x: cy.width() / 2 - (x / total) * readableZoom, y: cy.height() / 2 - (y / total) * readableZoom },
  });
}
