import type { EdgeSingular, EventObject, NodeSingular } from 'cytoscape';
import { useLayoutEffect, type RefObject } from 'react';
import { countDrawn, probe } from '../../probe/probe';
import { detailAt } from '../style';
import type { CanvasCore } from './canvasCore';
import type { Selection } from './selection';
import { useLatest } from './useLatest';

// Cytoscape types every event target `any`; a handler bound to 'node' or 'edge' gets that one element.
const nodeOf = (event: EventObject) => event.target as NodeSingular;
const edgeOf = (event: EventObject) => event.target as EdgeSingular;

export interface CanvasGestures {
  onSelect(selection: Selection | undefined): void;
  /** Shift-click on a node: it joins the nodes selected, or leaves them. */
  onToggleInGroup(nodeId: string): void;
  /** A box drawn with Shift: the nodes in it join the nodes selected. */
  onBoxSelect(nodeIds: string[]): void;
  onExpand(nodeId: string): void;
  onContextMenu(nodeId: string, at: { x: number; y: number }): void;
  onExpandPair(key: string): void;
  /** The picture settled: a layout was applied, a node dropped, or the user stopped panning or zooming. */
  onViewChange(): void;
}

/**
 * Events controller: turns the gestures on every Cytoscape instance of the canvas into the page's callbacks
 * (the latest ones given), and keeps the level of detail in step with the zoom.
 */
export function useCanvasEvents(
  canvas: CanvasCore,
  container: RefObject<HTMLDivElement | null>,
  gestures: CanvasGestures,
): void {
  const latest = useLatest(gestures);
  // A layout effect: bound before the lifecycle controller's effect creates the first instance.
  useLayoutEffect(
    () =>
      canvas.onCreate((instance) => {
        const call = () => latest.current;
        instance.on('tap', (event) => {
          if (event.target === instance) call().onSelect(undefined);
        });
        instance.on('tap', 'node', (event) => {
          const id = nodeOf(event).id();
          if ((event.originalEvent as MouseEvent | undefined)?.shiftKey) call().onToggleInGroup(id);
          else call().onSelect({ kind: 'node', id });
        });
        // Cytoscape tells the box has ended before it selects what is in it.
        instance.on('boxend', () =>
          setTimeout(() => {
            if (instance.destroyed()) return;
            call().onBoxSelect(instance.nodes(':selected').map((node) => node.id()));
          }, 0),
        );
        instance.on('tap', 'edge', (event) => {
          const edge = edgeOf(event);
          // A folded group opens into its relationships, drawn one by one.
          if (edge.hasClass('group')) call().onExpandPair(edge.id().replace(/^group:/, ''));
          else call().onSelect({ kind: 'edge', id: edge.id().replace(/^edge:/, '') });
        });
        // Edge labels show at a legible size on hover, for the selection and its relationships, or zoomed in.
        instance.on('mouseover', 'edge', (event) => edgeOf(event).addClass('hover'));
        instance.on('mouseout', 'edge', (event) => edgeOf(event).removeClass('hover'));
        instance.on('zoom', () => canvas.showDetail(detailAt(instance.zoom())));
        instance.on('render', () => countDrawn(probe.nodes));
        instance.on('dbltap', 'node', (event) => call().onExpand(nodeOf(event).id()));
        instance.on('dragfree', 'node', () => call().onViewChange());
        let viewportTimer: ReturnType<typeof setTimeout> | undefined;
        instance.on('viewport', () => {
          clearTimeout(viewportTimer);
          viewportTimer = setTimeout(() => !instance.destroyed() && call().onViewChange(), 300);
        });
        instance.on('cxttap', 'node', (event) => {
          const box = container.current!.getBoundingClientRect();
          call().onContextMenu(nodeOf(event).id(), {
            x: box.left + event.renderedPosition.x,
            y: box.top + event.renderedPosition.y,
          });
        });
      }),
    [canvas, container, latest],
  );
}
