import type { Core } from 'cytoscape';
import { useEffect, useState, type RefObject } from 'react';
import { followCanvas } from '../../probe/probe';
import type { CanvasCore } from './canvasCore';
import { useLatest } from './useLatest';

/** The classes by which an edge shows time and comparison (read by the probe). */
const timeMarks = ['faded', 'partly', 'new', 'gone', 'changed'];

/** Lets the app's probe (client/src/probe) read what the canvas shows. */
function follow(canvas: CanvasCore, container: HTMLElement): void {
  followCanvas({
    viewport: () => ({ zoom: canvas.core.zoom(), pan: { ...canvas.core.pan() } }),
    onScreen: () => {
      const box = container.getBoundingClientRect();
      return Object.fromEntries(
        canvas.core
          .nodes(':visible')
          .map((node) => [
            node.id(),
            { x: box.left + node.renderedPosition().x, y: box.top + node.renderedPosition().y },
          ]),
      );
    },
    edgeLabels: () =>
      Object.fromEntries(
        canvas.core
          .edges()
          .not('.filtered')
          .map((edge) => [edge.id(), String(edge.data('label'))]),
      ),
    edgeMarks: () =>
      Object.fromEntries(
        canvas.core
          .edges()
          .not('.filtered')
          .map((edge) => [edge.id(), timeMarks.filter((mark) => edge.hasClass(mark))]),
      ),
    edgeColours: () =>
      Object.fromEntries(
        canvas.core
          .edges('[ruleColor]')
          .not('.filtered')
          .map((edge) => [edge.id(), String(edge.data('ruleColor'))]),
      ),
    nodeLooks: () =>
      Object.fromEntries(
        canvas.core
          .nodes()
          .not('.filtered')
          .map((node) => [
            node.id(),
            {
              size: Number(node.data('size')),
              color: String(node.data('color')),
              caption: String(node.data('caption')),
            },
          ]),
      ),
    labelBoxes: () => {
      const box = container.getBoundingClientRect();
      const labelOnly = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false };
      const drawn = canvas.core
        .nodes()
        .not('.filtered')
        .union(canvas.core.edges('.group').not('.filtered'))
        .filter((element) => element.visible() && String(element.style('label') ?? '') !== '')
        .filter((element) => Number(element.style('text-opacity')) > 0);
      return Object.fromEntries(
        drawn.map((element) => {
          const { x1, y1, x2, y2 } = element.renderedBoundingBox(labelOnly);
          return [element.id(), { x1: box.left + x1, y1: box.top + y1, x2: box.left + x2, y2: box.top + y2 }];
        }),
      );
    },
    selectedNodes: () => canvas.core.nodes(':selected').map((node) => node.id()),
    neighbours: (id) =>
      canvas.core
        .getElementById(id)
        .neighborhood()
        .nodes()
        .not('.filtered')
        .map((node) => node.id()),
  });
}

/**
 * Lifecycle controller: creates the Cytoscape instance and the layout worker when the canvas is mounted,
 * resizes it with its box, and destroys both when it goes. Returns the instance as state, for parts drawn
 * beside it (the thumbnail) to follow when it is replaced.
 */
export function useCanvasLifecycle(
  canvas: CanvasCore,
  container: RefObject<HTMLDivElement | null>,
  onError: (error: Error) => void,
): Core | undefined {
  const [core, setCore] = useState<Core>();
  const reportError = useLatest(onError);
  useEffect(() => {
    const box = container.current!;
    const forget = canvas.onCreate(setCore);
    canvas.mount(box, (error) => reportError.current(error));
    follow(canvas, box);
    // The canvas changes size with the page's panels (the results drawer): Cytoscape only watches the window.
    const resized = new ResizeObserver(() => canvas.cy?.resize());
    resized.observe(box);
    return () => {
      resized.disconnect();
      forget();
      canvas.unmount();
    };
  }, [canvas, container, reportError]);
  return core;
}
