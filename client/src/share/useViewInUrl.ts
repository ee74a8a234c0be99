import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { GraphCanvasHandle, Selection } from '../canvas/GraphCanvas';
import type { LayoutName } from '../canvas/layouts';
import type { CanvasGraph, Filters } from '../graph/canvasState';
import type { LabelStyles } from '../styling/labelStyles';
import type { StyleRule } from '../styling/rules';
import type { DatingChoices } from '../time/dating';
import { fingerprint } from '../../../shared/fingerprint';
import { encodeView, type ViewState } from './viewState';

/** What the page shows, besides what only the canvas knows (positions, zoom and pan). */
export interface Shown {
  graph: CanvasGraph;
  asOf?: string;
  selected?: Selection;
  filters: Filters;
  layout: LayoutName;
  styles?: LabelStyles;
  rules?: StyleRule[];
  dating?: DatingChoices;
  /** The relationship types path searches never step through, when the user chose them. */
  pathExclude?: string[];
  pinned?: Set<string>;
  /** Pairs of nodes whose relationships are drawn one by one. */
  unfolded?: Set<string>;
}

/** The view as a shared link or an investigation keeps it, read from the canvas now; none when it is empty. */
export function captureView(canvas: GraphCanvasHandle | null, shown: Shown): ViewState | undefined {
  const { graph, asOf, selected, filters, layout, styles, rules, dating, pathExclude, pinned, unfolded } = shown;
  const ids = Object.keys(graph.nodes);
  if (!ids.length || !canvas) return undefined;
  const { zoom, pan } = canvas.viewport();
  return {
    ids,
    edges: Object.keys(graph.edges),
    fingerprints: ids.map((id) => fingerprint(graph.nodes[id]!.caption)),
    positions: canvas.positions(),
    asOf,
    selected,
    hiddenLabels: filters.hiddenLabels,
    hiddenTypes: filters.hiddenTypes,
    valueFilters: filters.valueFilters?.length ? filters.valueFilters : undefined,
    layout,
    styles: styles && Object.keys(styles).length ? styles : undefined,
    rules: rules?.length ? rules : undefined,
    dating: dating && Object.keys(dating).length ? dating : undefined,
    pathExclude,
    pinned: pinned?.size ? [...pinned] : undefined,
    unfolded: unfolded?.size ? [...unfolded] : undefined,
    zoom: Math.round(zoom * 1000) / 1000,
    pan: { x: Math.round(pan.x), y: Math.round(pan.y) },
  };
}

/**
 * Keeps the view in the URL, so a pasted link reopens the same picture. It is written when the state
 * changes, and through the returned function when a layout ends, a node is dropped, the view is panned or
 * zoomed, and on Share: positions, zoom and pan are the canvas's own, read at that moment. While an
 * investigation is open its address is its own (`/i/…`), so the view is written only when asked (`force`).
 */
export function useViewInUrl(
  canvas: RefObject<GraphCanvasHandle | null>,
  shown: Shown,
  enabled = true,
): (force?: boolean) => void {
  const latest = useRef(shown);
  useEffect(() => {
    latest.current = shown;
  });
  const write = useCallback(
    (force = false) => {
      if (!enabled && !force) return;
      const view = captureView(canvas.current, latest.current);
      if (view) window.history.replaceState(null, '', encodeView(view));
    },
    [canvas, enabled],
  );
  const { graph, asOf, selected, filters, layout, styles, rules, dating, pathExclude, pinned, unfolded } = shown;
  useEffect(
    () => write(),
    [graph, asOf, selected, filters, layout, styles, rules, dating, pathExclude, pinned, unfolded, write],
  );
  return write;
}
