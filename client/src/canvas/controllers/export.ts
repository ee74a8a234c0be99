import cytoscape, { type BoundingBoxOptions, type Core, type Position } from 'cytoscape';
import { useImperativeHandle, type Ref } from 'react';
import type { CanvasGraph } from '../../graph/canvasState';
import { track } from '../../probe/probe';
import { elementIdOf, groupEdges } from '../edgeGroups';
import type { LayoutName } from '../layouts';
import { fitShownNodes } from '../layoutWorker';
import type { CanvasCore } from './canvasCore';
import type { Selection } from './selection';
import type { Viewport } from './sync';
import { useLatest } from './useLatest';

export interface GraphCanvasHandle {
  positions(): Record<string, Position>;
  viewport(): Viewport;
  /** Fits what is shown (filtered-out elements take no room). */
  fit(): void;
  /** Centres the canvas on a node or relationship. */
  centre(selection: Selection): void;
  relayout(name: LayoutName): void;
  png(): Blob;
  /** Resolves once the SVG extension is loaded (on the first SVG export). */
  svg(): Promise<string>;
}

/** cytoscape-svg, loaded and registered at the first SVG export: most visits never make one. */
let svgExtension: Promise<void> | undefined;
function loadSvgExtension(): Promise<void> {
  svgExtension ??= import('cytoscape-svg').then(({ default: svg }) => cytoscape.use(svg));
  return svgExtension;
}

/** White space around an exported picture, in graph units: labels at its edge are not cut. */
const exportMargin = 24;

/**
 * Draws `draw` with two invisible marks just outside the box of the shown elements and their labels, measured
 * afresh in the detail being exported: a full picture (png({full: true})) ends exactly at the labels'
 * outermost pixels otherwise, cutting their last letters and text backgrounds.
 */
function withMargin<T>(cy: Core, draw: () => T): T {
  const box = cy
    .elements()
    .not('.filtered')
    // useCache: the labels' boxes as drawn in full detail, not as cached at the screen's level of detail.
    .boundingBox({ includeLabels: true, useCache: false } as BoundingBoxOptions);
  if (!Number.isFinite(box.x1)) return draw();
  const corner = (x: number, y: number, at: string) => ({
    group: 'nodes' as const,
    data: { id: `export-margin:${at}` },
    position: { x, y },
  });
  const marks = cy.add([
    corner(box.x1 - exportMargin, box.y1 - exportMargin, 'start'),
    corner(box.x2 + exportMargin, box.y2 + exportMargin, 'end'),
  ]);
  marks.style({ opacity: 0, width: 1, height: 1, label: '' });
  try {
    return draw();
  } finally {
    marks.remove();
  }
}

/**
 * Export controller: what the page asks of the drawing, positions and viewport (to save a view), pictures
 * (PNG, SVG in full detail), fitting, centring and laying out again.
 */
export function useCanvasExport(
  ref: Ref<GraphCanvasHandle>,
  canvas: CanvasCore,
  graph: CanvasGraph,
  expanded: Set<string>,
  onViewChange: () => void,
): void {
  const viewChanged = useLatest(onViewChange);
  useImperativeHandle(
    ref,
    () => ({
      positions: () =>
        Object.fromEntries(
          canvas.core
            .nodes()
            .map((node) => [node.id(), { x: Math.round(node.position().x), y: Math.round(node.position().y) }]),
        ),
      viewport: () => ({ zoom: canvas.core.zoom(), pan: { ...canvas.core.pan() } }),
      fit: () => fitShownNodes(canvas.core),
      centre: (selection) => {
        const instance = canvas.core;
        const edge = selection.kind === 'edge' ? graph.edges[selection.id] : undefined;
        const element = instance.getElementById(edge ? elementIdOf(edge, groupEdges(graph), expanded) : selection.id);
        if (element.empty()) return;
        const done = track();
        instance.animate({ center: { eles: element } }, { duration: 250, complete: done });
      },
      relayout: (name) =>
        void canvas.layouts!.run(canvas.core, name, { incremental: false, fit: true }).then((applied) => {
          if (applied) viewChanged.current();
        }),
      png: () =>
        canvas.inFullDetail((cy) =>
          withMargin(cy, () => cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 })),
        ),
      // cytoscape-svg adds svg() to the core; its options mirror png()'s.
      svg: async () => {
        await loadSvgExtension();
        return canvas.inFullDetail((cy) =>
          (cy as unknown as { svg(options: object): string }).svg({ full: true, bg: '#ffffff' }),
        );
      },
    }),
    [canvas, graph, expanded, viewChanged],
  );
}
