import cytoscape, {
  type Core,
  type CytoscapeOptions,
  type ElementDefinition,
  type EdgeSingular,
  type EventObject,
  type NodeSingular,
  type Position,
} from 'cytoscape';
import svg from 'cytoscape-svg';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState, type ReactNode } from 'react';
import { own } from '../app/records';
import type { CanvasGraph } from '../graph/canvasState';
import { nodeLook, sizeRanges, type LabelStyles } from '../styling/labelStyles';
import { edgeLook, edgeStatus, nodeStatus, type CanvasView } from './status';
import type { LayoutName } from './layouts';
import { fitShownNodes, LayoutWorker } from './layoutWorker';
import { Thumbnail } from './Thumbnail';
import { countContents, countDrawn, followCanvas, probe, track } from '../probe/probe';
import { gpuName, wantsWebgl } from './renderer';
import { edgeElementId, elementIdOf, groupEdges, groupLabel, pairKey, toElements } from './edgeGroups';
import { detailAt, outlineFrom, stylesheet, type Detail } from './style';

cytoscape.use(svg);

/** From this many nodes on, a thumbnail of the whole graph helps find one's way. */
const thumbnailFrom = 40;

/** The classes by which an edge shows time and comparison (read by the probe). */
const timeMarks = ['faded', 'partly', 'new', 'gone', 'changed'];

export interface Selection {
  kind: 'node' | 'edge';
  id: string;
}

export interface Viewport {
  zoom: number;
  pan: Position;
}

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

interface Props {
  /** Colours, shapes, captions and sizes chosen per label. */
  styles?: LabelStyles;
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
  onSelect(selection: Selection | undefined): void;
  onExpand(nodeId: string): void;
  onContextMenu(nodeId: string, at: { x: number; y: number }): void;
  onError(error: Error): void;
  /** Pairs of nodes (edgeGroups.pairKey) whose relationships are drawn one by one, not folded into one edge. */
  expanded: Set<string>;
  onExpandPair(key: string): void;
  /** The picture settled: a layout was applied, a node dropped, or the user stopped panning or zooming. */
  onViewChange(): void;
}

/** Changes a class only where it differs: on thousands of elements, toggling them all costs a frame. */
function setClass(element: NodeSingular | EdgeSingular, name: string, on: boolean): void {
  if (element.hasClass(name) !== on) element.toggleClass(name, on);
}

/**
 * Brings nodes just added to a drawn graph into view, with the neighbours that explain them: nothing moves
 * when they are already on the screen; else the whole picture is fitted when it stays legible that way,
 * or the view moves to them and their neighbours.
 */
function reveal(cy: Core, ids: string[]): void {
  const wanted = new Set(ids);
  // Shown by class, not ':visible', which computes every node's style first (a second at 5,000 nodes).
  const shown = cy.nodes().not('.filtered');
  const added = shown.filter((node) => wanted.has(node.id()));
  if (added.empty()) return;
  const around = added.union(added.neighborhood().nodes().not('.filtered'));
  const view = cy.extent();
  const box = around.boundingBox();
  if (box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2) return;
  const padding = 40;
  const zoomFor = (target: { w: number; h: number }) =>
    Math.min(
      1.5,
      (cy.width() - 2 * padding) / Math.max(target.w, 1),
      (cy.height() - 2 * padding) / Math.max(target.h, 1),
    );
  const everything = shown.boundingBox();
  const target = zoomFor(everything) >= 0.5 ? everything : box;
  const zoom = Math.max(cy.minZoom(), zoomFor(target));
  const pan = {
    x: cy.width() / 2 - ((target.x1 + target.x2) / 2) * zoom,
    y: cy.height() / 2 - ((target.y1 + target.y2) / 2) * zoom,
  };
  const done = track();
  cy.animate({ zoom, pan }, { duration: 250, complete: done });
}

// Cytoscape types every event target `any`; a handler bound to 'node' or 'edge' gets that one element.
const nodeOf = (event: EventObject) => event.target as NodeSingular;
const edgeOf = (event: EventObject) => event.target as EdgeSingular;

/** Renderer settings, fixed for a Cytoscape instance's life. */
interface Rendering {
  webgl: boolean;
  /** The graph has reached `outlineFrom` nodes. */
  large: boolean;
}

/** Cytoscape's options with its renderer's, which its type declarations leave out. */
type CanvasOptions = CytoscapeOptions & { renderer: { name: 'canvas'; webgl: boolean } };

/**
 * Draws the canvas graph with Cytoscape. The data lives in React state; this component only keeps one
 * Cytoscape instance in step with it (adding and removing the difference in a batch) and reports gestures.
 */
export const GraphCanvas = forwardRef<GraphCanvasHandle, Props>(function GraphCanvas(props, ref) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core>(undefined);
  // The same instance as state, for the thumbnail to follow when it is replaced.
  const [core, setCore] = useState<Core>();
  const [gpu] = useState(gpuName);
  const rendering = useRef<Rendering>({ webgl: false, large: false });
  const detail = useRef<Detail>('nodes');
  const layouts = useRef<LayoutWorker>(undefined);
  const [showThumbnail, setShowThumbnail] = useState(false);
  const callbacks = useRef(props);
  callbacks.current = props;
  const { expanded } = props;
  const expand = useCallback((key: string) => callbacks.current.onExpandPair(key), []);
  /** Nodes added to a drawn graph, to bring into view once they are placed. */
  const toReveal = useRef(new Set<string>());

  /** Exports show every label and arrowhead whatever the zoom: the shorthands are for the screen. */
  const inFullDetail = <T,>(instance: Core, draw: () => T): T => {
    if (detail.current === 'full') return draw();
    instance.style(stylesheet('full'));
    try {
      return draw();
    } finally {
      instance.style(stylesheet(detail.current));
    }
  };

  const showDetail = useCallback((instance: Core, level: Detail) => {
    if (level === detail.current) return;
    detail.current = level;
    instance.style(stylesheet(level));
  }, []);

  /**
   * A Cytoscape instance wired to the callbacks. Given the previous one, it takes over its elements and
   * viewport and destroys it: renderer options are fixed at creation, so changing them means a new instance.
   */
  const createCore = useCallback(
    (next: Rendering, previous?: Core): Core => {
      const options: CanvasOptions = {
        container: container.current,
        style: stylesheet(detail.current),
        minZoom: 0.05,
        maxZoom: 4,
        renderer: { name: 'canvas', webgl: next.webgl },
        // While a large graph is dragged or zoomed, move a picture of it instead of redrawing every element.
        textureOnViewport: next.large && !next.webgl,
      };
      rendering.current = next;
      const carried = previous && {
        elements: previous.elements().jsons() as unknown as ElementDefinition[],
        viewport: { zoom: previous.zoom(), pan: { ...previous.pan() } },
      };
      previous?.destroy();
      const instance = cytoscape(options);
      if (carried) {
        instance.add(carried.elements);
        instance.viewport(carried.viewport);
      }
      instance.on('tap', (event) => {
        if (event.target === instance) callbacks.current.onSelect(undefined);
      });
      instance.on('tap', 'node', (event) => callbacks.current.onSelect({ kind: 'node', id: nodeOf(event).id() }));
      instance.on('tap', 'edge', (event) => {
        const edge = edgeOf(event);
        // A folded group opens into its relationships, drawn one by one.
        if (edge.hasClass('group')) expand(edge.id().replace(/^group:/, ''));
        else callbacks.current.onSelect({ kind: 'edge', id: edge.id().replace(/^edge:/, '') });
      });
      // Edge labels show at a legible size on hover, for the selection and its relationships, or zoomed in.
      instance.on('mouseover', 'edge', (event) => edgeOf(event).addClass('hover'));
      instance.on('mouseout', 'edge', (event) => edgeOf(event).removeClass('hover'));
      instance.on('zoom', () => showDetail(instance, detailAt(instance.zoom())));
      instance.on('render', () => countDrawn(probe.nodes));
      instance.on('dbltap', 'node', (event) => callbacks.current.onExpand(nodeOf(event).id()));
      instance.on('dragfree', 'node', () => callbacks.current.onViewChange());
      let viewportTimer: ReturnType<typeof setTimeout> | undefined;
      instance.on('viewport', () => {
        clearTimeout(viewportTimer);
        viewportTimer = setTimeout(() => !instance.destroyed() && callbacks.current.onViewChange(), 300);
      });
      instance.on('cxttap', 'node', (event) => {
        const box = container.current!.getBoundingClientRect();
        callbacks.current.onContextMenu(nodeOf(event).id(), {
          x: box.left + event.renderedPosition.x,
          y: box.top + event.renderedPosition.y,
        });
      });
      cy.current = instance;
      setCore(instance);
      return instance;
    },
    [showDetail, expand],
  );

  useEffect(() => {
    createCore(rendering.current);
    followCanvas({
      viewport: () => ({ zoom: cy.current!.zoom(), pan: { ...cy.current!.pan() } }),
      onScreen: () => {
        const box = container.current!.getBoundingClientRect();
        return Object.fromEntries(
          cy
            .current!.nodes(':visible')
            .map((node) => [
              node.id(),
              { x: box.left + node.renderedPosition().x, y: box.top + node.renderedPosition().y },
            ]),
        );
      },
      edgeLabels: () =>
        Object.fromEntries(
          cy
            .current!.edges()
            .not('.filtered')
            .map((edge) => [edge.id(), String(edge.data('label'))]),
        ),
      edgeMarks: () =>
        Object.fromEntries(
          cy
            .current!.edges()
            .not('.filtered')
            .map((edge) => [edge.id(), timeMarks.filter((mark) => edge.hasClass(mark))]),
        ),
      nodeLooks: () =>
        Object.fromEntries(
          cy
            .current!.nodes()
            .not('.filtered')
            .map((node) => [node.id(), { size: Number(node.data('size')), color: String(node.data('color')) }]),
        ),
    });
    layouts.current = new LayoutWorker((error) => callbacks.current.onError(error));
    // The canvas changes size with the page's panels (the results drawer): Cytoscape only watches the window.
    const resized = new ResizeObserver(() => cy.current?.resize());
    resized.observe(container.current!);
    return () => {
      resized.disconnect();
      layouts.current!.terminate();
      cy.current!.destroy();
    };
  }, [createCore]);

  // Keep the drawing in step with the data: add what is new near its neighbours, remove what is gone.
  useEffect(() => {
    // Read, not followed: a layout change runs through relayout(), and a restored view only matters on load.
    const { initialPositions, initialViewport, layout } = callbacks.current;
    const grown = Object.keys(props.graph.nodes).length;
    // One way only: a graph that shrinks keeps its renderer settings, so the picture never flickers.
    const next = {
      webgl: rendering.current.webgl || wantsWebgl(gpu, grown),
      large: rendering.current.large || grown >= outlineFrom,
    };
    const unchanged = next.webgl === rendering.current.webgl && next.large === rendering.current.large;
    const instance = unchanged ? cy.current! : createCore(next, cy.current);
    const wanted = toElements(props.graph, expanded, stylesRef.current);
    const wantedIds = new Set(wanted.map((element) => element.data.id!));
    const wasEmpty = instance.nodes().empty();
    // Styled once at the level it will be seen at, not in full detail and again after the fit.
    if (wasEmpty && grown >= outlineFrom) showDetail(instance, 'outline');
    let added = 0;
    const newIds: string[] = [];
    instance.batch(() => {
      instance
        .elements()
        .filter((element) => !wantedIds.has(element.id()))
        .remove();
      const fresh = wanted.filter((element) => instance.getElementById(element.data.id!).empty());
      // A group that stays may have gained or lost members.
      for (const element of wanted) {
        if (element.classes !== 'group') continue;
        const drawn = instance.getElementById(element.data.id!);
        if (drawn.nonempty()) {
          drawn.data({ members: element.data.members as string[], label: element.data.label as string });
        }
      }
      // One add() for all of them: adding one by one costs Cytoscape a pass per element.
      instance.add(
        fresh.map((element) => {
          if (element.group === 'edges') return element;
          const restored = initialPositions?.[element.data.id!];
          if (!restored) added++;
          newIds.push(element.data.id!);
          return { ...element, position: restored ?? { x: 0, y: 0 } };
        }),
      );
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
    setShowThumbnail(instance.nodes().length >= thumbnailFrom);
    countContents(
      instance.nodes().length,
      Object.keys(props.graph.edges).length,
      instance.nodes().not('.filtered').length,
    );
    const placed = instance.nodes().length - added;
    if (!wasEmpty) newIds.forEach((id) => toReveal.current.add(id));
    if (added > 0) {
      void layouts.current!.run(instance, layout, { incremental: placed > 0, fit: placed === 0 }).then((applied) => {
        if (!applied) return;
        reveal(instance, [...toReveal.current]);
        toReveal.current.clear();
        callbacks.current.onViewChange();
      });
    } else if (wasEmpty && initialViewport) instance.viewport(initialViewport);
    else if (wasEmpty) fitShownNodes(instance);
    else if (toReveal.current.size) {
      reveal(instance, [...toReveal.current]);
      toReveal.current.clear();
    }
  }, [props.graph, expanded, gpu, createCore, showDetail]);

  // Label styles are data on the nodes: a change restyles them in place.
  const stylesRef = useRef(props.styles);
  stylesRef.current = props.styles;
  useEffect(() => {
    const instance = cy.current!;
    const styles = props.styles ?? {};
    const nodes = Object.values(props.graph.nodes);
    const ranges = sizeRanges(nodes, styles);
    instance.batch(() => {
      for (const node of nodes) {
        const element = instance.getElementById(node.id);
        if (element.empty()) continue;
        const look = { ...nodeLook(node, styles, ranges), ...own(props.looks, node.id) };
        if (Object.entries(look).some(([key, value]) => element.data(key) !== value)) element.data(look);
      }
    });
  }, [props.styles, props.graph, props.looks]);

  // Time, comparison, filters, highlights and pins are classes on elements, never a redraw of the graph.
  useEffect(() => {
    const instance = cy.current!;
    instance.batch(() => {
      instance.nodes().forEach((element) => {
        const node = props.graph.nodes[element.id()];
        if (!node) return;
        const status = nodeStatus(node, props.view);
        setClass(element, 'filtered', status.hidden);
        setClass(element, 'faded', status.faded);
        setClass(element, 'highlighted', status.highlighted);
        setClass(element, 'new', status.change === 'new');
        setClass(element, 'gone', status.change === 'gone');
        setClass(element, 'disputed', status.disputed);
        setClass(element, 'annotated', props.view.annotated?.has(node.id) ?? false);
        const pinned = props.view.pinned.has(node.id);
        setClass(element, 'pinned', pinned);
        if (pinned && !element.locked()) element.lock();
        else if (!pinned && element.locked()) element.unlock();
      });
      instance.edges().forEach((element) => {
        // A group is shown as what its shown members are (status.ts, edgeLook).
        const members = element.hasClass('group')
          ? (element.data('members') as string[])
          : [element.id().replace(/^edge:/, '')];
        const statuses = members.flatMap((id) => {
          const edge = props.graph.edges[id];
          return edge ? [{ edge, status: edgeStatus(edge, props.view) }] : [];
        });
        const look = edgeLook(statuses, props.view, groupLabel);
        setClass(element, 'filtered', look.filtered);
        setClass(element, 'faded', look.faded);
        setClass(element, 'partly', look.partly);
        setClass(element, 'highlighted', look.highlighted);
        setClass(element, 'new', look.new);
        setClass(element, 'gone', look.gone);
        setClass(element, 'changed', look.changed);
        setClass(element, 'disputed', look.disputed);
        setClass(
          element,
          'annotated',
          members.some((id) => props.view.annotated?.has(id) ?? false),
        );
        if (element.hasClass('group') && element.data('label') !== look.label) element.data('label', look.label);
      });
    });
    countContents(
      instance.nodes().length,
      Object.keys(props.graph.edges).length,
      instance.nodes().not('.filtered').length,
    );
  }, [props.view, props.graph, expanded]);

  useEffect(() => {
    const instance = cy.current!;
    instance.batch(() => {
      instance.elements().unselect();
      instance.edges('.near').removeClass('near');
      const selected = props.selected;
      if (!selected) return;
      if (selected.kind === 'edge') {
        const edge = props.graph.edges[selected.id];
        // A relationship folded into a group is selected by opening the group.
        const key = edge && pairKey(edge.source, edge.target);
        if (key && instance.getElementById(edgeElementId(selected.id)).empty()) expand(key);
        else instance.getElementById(edgeElementId(selected.id)).select();
        return;
      }
      const node = instance.getElementById(selected.id);
      node.select();
      node.connectedEdges().addClass('near');
    });
  }, [props.selected, props.graph, expanded, expand]);

  useImperativeHandle(ref, () => ({
    positions: () =>
      Object.fromEntries(
        cy
          .current!.nodes()
          .map((node) => [node.id(), { x: Math.round(node.position().x), y: Math.round(node.position().y) }]),
      ),
    viewport: () => ({ zoom: cy.current!.zoom(), pan: { ...cy.current!.pan() } }),
    fit: () => fitShownNodes(cy.current!),
    centre: (selection) => {
      const instance = cy.current!;
      const edge = selection.kind === 'edge' ? props.graph.edges[selection.id] : undefined;
      const element = instance.getElementById(
        edge ? elementIdOf(edge, groupEdges(props.graph), expanded) : selection.id,
      );
      if (element.empty()) return;
      const done = track();
      instance.animate({ center: { eles: element } }, { duration: 250, complete: done });
    },
    relayout: (name) =>
      void layouts.current!.run(cy.current!, name, { incremental: false, fit: true }).then((applied) => {
        if (applied) callbacks.current.onViewChange();
      }),
    png: () =>
      inFullDetail(cy.current!, () => cy.current!.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 })),
    // cytoscape-svg adds svg() to the core; its options mirror png()'s.
    svg: () =>
      inFullDetail(cy.current!, () =>
        (cy.current as unknown as { svg(options: object): string }).svg({ full: true, bg: '#ffffff' }),
      ),
  }));

  return (
    <div className="canvas-area">
      <div ref={container} className="canvas" data-testid="canvas" aria-label="Graph canvas" role="application" />
      {showThumbnail && core && <Thumbnail cy={core} />}
      {props.children}
    </div>
  );
});
