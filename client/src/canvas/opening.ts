import type { Core } from 'cytoscape';

/** Captions are drawn 10 graph units high (style.ts): from this zoom on they read at 11.5 px. */
export const readableZoom = 1.15;

/** From this many nodes on, the first picture stays the whole graph (an overview, drawn as outlines). */
const wholeFrom = 500;

/** Room kept around the hubs, in pixels, so that they and their captions are clear of the canvas's edges. */
const margin = 60;

/**
 * The first picture of a graph, after its first layout was fitted: kept when its captions read at that zoom;
 * else zoomed in to where they do, on the most connected part: the hubs (nodes with at least half the
 * largest degree) in the middle, all of them in view (the zoom stays lower when they would not fit). The rest
 * is a drag, a wheel or Fit away.
 */
export function openReadable(cy: Core): void {
  const shown = cy.nodes().not('.filtered').nodes();
  const fitted = cy.zoom();
  if (shown.empty() || shown.length >= wholeFrom || fitted >= readableZoom) return;
  const most = Math.max(...shown.map((node) => node.degree(false)));
  const hubs = shown.filter((node) => node.degree(false) * 2 >= most);
  const box = hubs.boundingBox({ includeLabels: true, includeEdges: false });
  const zoom = Math.max(
    fitted,
    Math.min(
      readableZoom,
      (cy.width() - 2 * margin) / Math.max(box.w, 1),
      (cy.height() - 2 * margin) / Math.max(box.h, 1),
    ),
  );
  cy.viewport({
    zoom,
    pan: { x: cy.width() / 2 - ((box.x1 + box.x2) / 2) * zoom, y: cy.height() / 2 - ((box.y1 + box.y2) / 2) * zoom },
  });
}
