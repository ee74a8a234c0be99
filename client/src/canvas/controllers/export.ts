import type { Position } from 'cytoscape';
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
  svg(): string;
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
      png: () => canvas.inFullDetail((cy) => cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 })),
      // cytoscape-svg adds svg() to the core; its options mirror png()'s.
      svg: () =>
        canvas.inFullDetail((cy) =>
          (cy as unknown as { svg(options: object): string }).svg({ full: true, bg: '#ffffff' }),
        ),
    }),
    [canvas, graph, expanded, viewChanged],
  );
}
