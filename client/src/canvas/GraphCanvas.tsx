import type { Position } from 'cytoscape';
import { forwardRef, useCallback, useRef, useState, type ReactNode } from 'react';
import type { CanvasGraph } from '../graph/canvasState';
import type { LabelStyles } from '../styling/labelStyles';
import type { StyleRule } from '../styling/rules';
import { CanvasCore } from './controllers/canvasCore';
import { useElementClasses, useNodeLooks } from './controllers/classes';
import { useCanvasEvents } from './controllers/events';
import { useCanvasExport, type GraphCanvasHandle } from './controllers/export';
import { useCanvasKeyboard } from './controllers/keyboard';
import { useCanvasLifecycle } from './controllers/lifecycle';
import { useCanvasSelection, type Selection } from './controllers/selection';
import { useGraphSync, type Viewport } from './controllers/sync';
import { useLatest } from './controllers/useLatest';
import type { LayoutName } from './layouts';
import type { CanvasView } from './status';
import { Thumbnail } from './Thumbnail';

export type { GraphCanvasHandle } from './controllers/export';
export type { Selection } from './controllers/selection';
export type { Viewport } from './controllers/sync';

/** From this many nodes on, a thumbnail of the whole graph helps find one's way. */
const thumbnailFrom = 40;

interface Props {
  /** Colours, shapes, captions and sizes chosen per label. */
  styles?: LabelStyles;
  /** Colours by property value, over the label's (styling/rules.ts). */
  rules?: StyleRule[];
  /** Sizes and colours per node that win over the label's (the measures' styling rule, analytics/looks.ts). */
  looks?: Record<string, { size?: number; color?: string }>;
  /** Drawn over the canvas (the first screen of an empty canvas). */
  children?: ReactNode;
  graph: CanvasGraph;
  view: CanvasView;
  layout: LayoutName;
  /** Positions to restore (shared links); nodes without one are laid out. */
  initialPositions?: Record<string, Position>;
  /** The zoom and pan to restore with them. */
  initialViewport?: Viewport;
  selected?: Selection;
  /** Nodes selected together (two or more), else empty. */
  group: string[];
  onSelect(selection: Selection | undefined): void;
  /** Shift-click on a node: it joins the nodes selected, or leaves them. */
  onToggleInGroup(nodeId: string): void;
  /** A box drawn with Shift: the nodes in it join the nodes selected. */
  onBoxSelect(nodeIds: string[]): void;
  onExpand(nodeId: string): void;
  onContextMenu(nodeId: string, at: { x: number; y: number }): void;
  onError(error: Error): void;
  /** Pairs of nodes (edgeGroups.pairKey) whose relationships are drawn one by one, not folded into one edge. */
  expanded: Set<string>;
  onExpandPair(key: string): void;
  /** The picture settled: a layout was applied, a node dropped, or the user stopped panning or zooming. */
  onViewChange(): void;
}

/**
 * Draws the canvas graph with Cytoscape. The data lives in React state; controllers that draw nothing, one
 * job each (canvas/controllers/), keep one Cytoscape instance in step with it: its lifecycle, the graph's
 * elements, their classes and looks, the selection, the gestures, and what the page asks of it (export).
 */
export const GraphCanvas = forwardRef<GraphCanvasHandle, Props>(function GraphCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const [canvas] = useState(() => new CanvasCore());
  const { graph, expanded, view, selected } = props;
  const latest = useLatest(props);
  const expandPair = useCallback((key: string) => latest.current.onExpandPair(key), [latest]);
  const viewChanged = useCallback(() => latest.current.onViewChange(), [latest]);
  const reportError = useCallback((error: Error) => latest.current.onError(error), [latest]);

  // In this order: the gestures are bound before the instance is made, its elements added before they are
  // classed and selected.
  useCanvasEvents(canvas, container, props);
  const core = useCanvasLifecycle(canvas, container, reportError);
  useGraphSync(canvas, {
    graph,
    expanded,
    styles: props.styles,
    layout: props.layout,
    initialPositions: props.initialPositions,
    initialViewport: props.initialViewport,
    onViewChange: viewChanged,
  });
  useNodeLooks(canvas, graph, props.styles, props.looks, props.rules, expanded);
  useElementClasses(canvas, graph, view, expanded);
  useCanvasSelection(canvas, graph, selected, expanded, expandPair, props.group);
  useCanvasExport(ref, canvas, graph, expanded, viewChanged);
  const spoken = useCanvasKeyboard(canvas, container, graph, selected, props);

  return (
    <div className="canvas-area">
      {/* Focusable, for the keyboard controller: arrows go from node to neighbour, Enter opens a node's menu. */}
      <div
        ref={container}
        id="graph-canvas"
        className="canvas"
        data-testid="canvas"
        aria-label="Graph canvas"
        aria-describedby="graph-canvas-keys"
        role="application"
        tabIndex={0}
      />
      <p id="graph-canvas-keys" className="visually-hidden">
        Arrow keys move to the neighbour in that direction; Enter opens the selected node&apos;s actions; Escape clears
        the selection.
      </p>
      <p className="visually-hidden" role="status" data-testid="canvas-focus">
        {spoken}
      </p>
      {Object.keys(graph.nodes).length >= thumbnailFrom && core && <Thumbnail cy={core} />}
      {props.children}
    </div>
  );
});
