import cytoscape, { type Core, type ElementDefinition, type Position } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { CanvasGraph } from '../graph/canvasState';
import { edgeStatus, nodeStatus, type CanvasView } from './status';
import { layoutOptions, type LayoutName } from './layouts';
import { Overview } from './Overview';
import { edgeWidth, kindStyle, stylesheet } from './style';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

/** From this many nodes on, an overview helps find one's way. */
const overviewFrom = 40;

export interface Selection {
  kind: 'node' | 'edge';
  id: string;
}

export interface GraphCanvasHandle {
  positions(): Record<string, Position>;
  fit(): void;
  relayout(name: LayoutName): void;
  png(): Blob;
  svg(): string;
}

interface Props {
  graph: CanvasGraph;
  view: CanvasView;
  layout: LayoutName;
  /** Positions to restore (shared links); nodes without one are laid out. */
  initialPositions?: Record<string, Position>;
  selected?: Selection;
  onSelect(selection: Selection | undefined): void;
  onExpand(nodeId: string): void;
  onContextMenu(nodeId: string, at: { x: number; y: number }): void;
}

function toElements(graph: CanvasGraph): ElementDefinition[] {
  const nodes = Object.values(graph.nodes).map((node) => {
    const { color, shape } = kindStyle(node.labels[0]);
    return { group: 'nodes' as const, data: { id: node.id, caption: node.caption, color, shape } };
  });
  const edges = Object.values(graph.edges).map((edge) => ({
    group: 'edges' as const,
    data: {
      id: `edge:${edge.id}`,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      width: edgeWidth(edge.properties.amountUsd),
    },
  }));
  return [...nodes, ...edges];
}

/**
 * Draws the canvas graph with Cytoscape. The data lives in React state; this component only keeps one
 * Cytoscape instance in step with it (adding and removing the difference in a batch) and reports gestures.
 */
export const GraphCanvas = forwardRef<GraphCanvasHandle, Props>(function GraphCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core>(undefined);
  const [large, setLarge] = useState(false);
  const callbacks = useRef(props);
  callbacks.current = props;

  useEffect(() => {
    const instance = cytoscape({
      container: container.current,
      style: stylesheet,
      minZoom: 0.05,
      maxZoom: 4,
    });
    instance.on('tap', (event) => {
      if (event.target === instance) callbacks.current.onSelect(undefined);
      else if (event.target.isNode()) callbacks.current.onSelect({ kind: 'node', id: event.target.id() });
      else callbacks.current.onSelect({ kind: 'edge', id: String(event.target.id()).replace(/^edge:/, '') });
    });
    instance.on('dbltap', 'node', (event) => callbacks.current.onExpand(event.target.id()));
    instance.on('cxttap', 'node', (event) => {
      const box = container.current!.getBoundingClientRect();
      callbacks.current.onContextMenu(event.target.id(), {
        x: box.left + event.renderedPosition.x,
        y: box.top + event.renderedPosition.y,
      });
    });
    cy.current = instance;
    return () => instance.destroy();
  }, []);

  // Keep the drawing in step with the data: add what is new near its neighbours, remove what is gone.
  useEffect(() => {
    const instance = cy.current!;
    const wanted = toElements(props.graph);
    const wantedIds = new Set(wanted.map((element) => element.data.id!));
    let added = 0;
    instance.batch(() => {
      instance
        .elements()
        .filter((element) => !wantedIds.has(element.id()))
        .remove();
      for (const element of wanted) {
        if (instance.getElementById(element.data.id!).nonempty()) continue;
        if (element.group === 'nodes') {
          const restored = props.initialPositions?.[element.data.id!];
          instance.add({ ...element, position: restored ?? { x: 0, y: 0 } });
          if (!restored) added++;
        } else {
          instance.add(element);
        }
      }
      // New nodes start beside a neighbour already placed, so the layout only has to settle them.
      const placed = (position: Position) => position.x !== 0 || position.y !== 0;
      instance.nodes().forEach((node) => {
        if (placed(node.position())) return;
        const anchor = node
          .neighborhood()
          .nodes()
          .filter((other) => placed(other.position()))[0];
        const { x, y } = anchor ? anchor.position() : { x: 0, y: 0 };
        const angle = Math.random() * 2 * Math.PI;
        const radius = anchor ? 60 : 200 + Math.random() * 200;
        node.position({ x: x + Math.cos(angle) * radius, y: y + Math.sin(angle) * radius });
      });
    });
    setLarge(instance.nodes().length >= overviewFrom);
    if (added > 0) {
      const placed = instance.nodes().length - added;
      instance.layout(layoutOptions(props.layout, instance.nodes().length, placed > 0)).run();
      if (placed === 0) instance.fit(undefined, 40);
    }
  }, [props.graph]);

  // Time, comparison, filters, highlights and pins are classes on elements, never a redraw of the graph.
  useEffect(() => {
    const instance = cy.current!;
    instance.batch(() => {
      instance.nodes().forEach((element) => {
        const node = props.graph.nodes[element.id()];
        if (!node) return;
        const status = nodeStatus(node, props.view);
        element.toggleClass('filtered', status.hidden);
        element.toggleClass('faded', status.faded);
        element.toggleClass('highlighted', status.highlighted);
        const pinned = props.view.pinned.has(node.id);
        element.toggleClass('pinned', pinned);
        if (pinned) element.lock();
        else element.unlock();
      });
      instance.edges().forEach((element) => {
        const edge = props.graph.edges[element.id().replace(/^edge:/, '')];
        if (!edge) return;
        const status = edgeStatus(edge, props.view);
        element.toggleClass('filtered', status.hidden);
        element.toggleClass('faded', status.faded);
        element.toggleClass('highlighted', status.highlighted);
        element.toggleClass('new', status.change === 'new');
        element.toggleClass('gone', status.change === 'gone');
      });
    });
  }, [props.view, props.graph]);

  useEffect(() => {
    const instance = cy.current!;
    instance.elements().unselect();
    if (props.selected) {
      const id = props.selected.kind === 'edge' ? `edge:${props.selected.id}` : props.selected.id;
      instance.getElementById(id).select();
    }
  }, [props.selected, props.graph]);

  useImperativeHandle(ref, () => ({
    positions: () =>
      Object.fromEntries(
        cy
          .current!.nodes()
          .map((node) => [node.id(), { x: Math.round(node.position().x), y: Math.round(node.position().y) }]),
      ),
    fit: () => cy.current!.fit(undefined, 40),
    relayout: (name) => cy.current!.layout(layoutOptions(name, cy.current!.nodes().length, false)).run(),
    png: () => cy.current!.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }) as unknown as Blob,
    // cytoscape-svg adds svg() to the core; its options mirror png()'s.
    svg: () => (cy.current as unknown as { svg(options: object): string }).svg({ full: true, bg: '#ffffff' }),
  }));

  return (
    <div className="canvas-area">
      <div ref={container} className="canvas" data-testid="canvas" aria-label="Graph canvas" role="application" />
      {large && cy.current && <Overview cy={cy.current} />}
    </div>
  );
});
