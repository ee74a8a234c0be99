import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { GraphCanvasHandle, Selection } from '../canvas/GraphCanvas';
import type { LayoutName } from '../canvas/layouts';
import type { CanvasGraph, Filters } from '../graph/canvasState';
import type { LabelStyles } from '../styling/labelStyles';
import type { DatingChoices } from '../time/dating';
import { encodeView, fingerprint } from './viewState';

interface Shown {
  graph: CanvasGraph;
  asOf?: string;
  selected?: Selection;
  filters: Filters;
  layout: LayoutName;
  styles?: LabelStyles;
  dating?: DatingChoices;
  /** The relationship types path searches never step through, when the user chose them. */
  pathExclude?: string[];
}

/**
 * Keeps the view in the URL, so a pasted link reopens the same picture. It is written when the state
 * changes, and through the returned function when a layout ends, a node is dropped, the view is panned or
 * zoomed, and on Share: positions, zoom and pan are the canvas's own, read at that moment.
 */
export function useViewInUrl(canvas: RefObject<GraphCanvasHandle | null>, shown: Shown): () => void {
  const latest = useRef(shown);
  useEffect(() => {
    latest.current = shown;
  });
  const write = useCallback(() => {
    const { graph, asOf, selected, filters, layout, styles, dating, pathExclude } = latest.current;
    const ids = Object.keys(graph.nodes);
    if (!ids.length || !canvas.current) return;
    const { zoom, pan } = canvas.current.viewport();
    const hash = encodeView({
      ids,
      edges: Object.keys(graph.edges),
      fingerprints: ids.map((id) => fingerprint(graph.nodes[id]!.caption)),
      positions: canvas.current.positions(),
      asOf,
      selected,
      hiddenLabels: filters.hiddenLabels,
      hiddenTypes: filters.hiddenTypes,
      layout,
      styles: styles && Object.keys(styles).length ? styles : undefined,
      dating: dating && Object.keys(dating).length ? dating : undefined,
      pathExclude,
      zoom: Math.round(zoom * 1000) / 1000,
      pan: { x: Math.round(pan.x), y: Math.round(pan.y) },
    });
    window.history.replaceState(null, '', hash);
  }, [canvas]);
  const { graph, asOf, selected, filters, layout, styles, dating, pathExclude } = shown;
  useEffect(write, [graph, asOf, selected, filters, layout, styles, dating, pathExclude, write]);
  return write;
}
