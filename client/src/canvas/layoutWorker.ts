import type { Core, NodeCollection, Position } from 'cytoscape';
import { own } from '../app/records.js';
import { countLayout, countLayoutStep, track } from '../probe/probe.js';
import { idealLength, layoutBox, type LayoutName } from './layouts.js';
import { fittedView, LayoutSketch } from './sketch.js';
import { nodeSize } from './style.js';

export interface LayoutRequest {
  id: number;
  name: LayoutName;
  incremental: boolean;
  /** The canvas's width over its height: a hierarchy is wrapped to fit it (computeLayout.ts). */
  aspect?: number;
  /** `width` and `height`: the room a node takes with its caption (layoutBox), for the layouts that use it. */
  nodes: { id: string; position: Position; locked: boolean; width?: number; height?: number }[];
  /** `length`: the edge's ideal length, longer for a long label or a folded group (idealLength). */
  edges: { id: string; source: string; target: string; length?: number }[];
}

/** Positions of a layout in progress, or its last (`final`) ones; a stopped layout ends with none. */
export interface LayoutResult {
  id: number;
  positions: Record<string, Position>;
  final: boolean;
}

export type LayoutMessage = { kind: 'run'; request: LayoutRequest } | { kind: 'stop'; id: number };

/**
 * Fits the viewport to the shown nodes (filtered-out ones keep a place but take no room on the screen) from
 * their centres. Cytoscape's own fit measures every edge and label: half a second at 10,000 nodes.
 */
export function fitShownNodes(cy: Core): void {
  // By class, not by ':visible', which makes Cytoscape compute every node's style first (a second at 5,000
  // nodes when the first step comes before the first frame).
  const shown = cy.nodes().not('.filtered').nodes();
  if (shown.empty()) return;
  cy.viewport(fittedView(fitPoints(cy, shown), cy.width(), cy.height(), cy.minZoom()));
}

/** Below this many nodes a fit measures labels (cheap there); above, their centres only (see fitShownNodes). */
const fitByLabelsBelow = 500;

/**
 * What a fit must show: the corners of the box of the shown nodes and edges with their labels, so that no
 * caption is cut at the canvas's edge; on large graphs the nodes' centres.
 */
function fitPoints(cy: Core, shown: NodeCollection): Position[] {
  if (shown.length >= fitByLabelsBelow) return shown.map((node) => node.position());
  const { x1, y1, x2, y2 } = shown
    .union(cy.edges().not('.filtered'))
    .boundingBox({ includeLabels: true, includeOverlays: false });
  // fittedView pads by half a node besides its margin: take it back, the box holds the nodes already.
  const inset = nodeSize / 2;
  return [
    { x: x1 + inset, y: y1 + inset },
    { x: x2 - inset, y: y2 - inset },
  ];
}

/** The node and edge data a layout reads: each node's box with its caption, each edge's ideal length. */
export function layoutData(cy: Core): Pick<LayoutRequest, 'nodes' | 'edges'> {
  return {
    nodes: cy.nodes().map((node) => ({
      id: node.id(),
      position: node.position(),
      locked: node.locked(),
      ...layoutBox(Number(node.data('size') ?? nodeSize), String(node.data('caption') ?? '')),
    })),
    edges: cy.edges().map((edge) => ({
      id: edge.id(),
      source: edge.source().id(),
      target: edge.target().id(),
      length: idealLength(
        String(edge.data('label') ?? ''),
        (edge.data('members') as string[] | undefined)?.length ?? 1,
      ),
    })),
  };
}

interface Running {
  id: number;
  cy: Core;
  fit: boolean;
  /** Where the steps so far are drawn, from the first one on. */
  sketch?: LayoutSketch;
  finish: (applied: boolean) => void;
}

/**
 * The main thread's side of layout.worker.ts. Positions stream in while a large layout runs and are drawn
 * as they come; only the latest request's are applied: a layout asked for while another runs (the graph
 * grew, the user picked another) makes the earlier one moot and ends it.
 */
export class LayoutWorker {
  private readonly worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  private latest = 0;
  private running: Running | undefined;

  constructor(onError: (error: Error) => void) {
    this.worker.onmessage = ({ data }: MessageEvent<LayoutResult>) => this.receive(data);
    this.worker.onerror = (event) => {
      onError(new Error(`The layout failed: ${event.message}`));
      this.running?.finish(false);
    };
  }

  /**
   * Lays out `cy`'s graph and moves its nodes there (locked nodes stay), drawing the steps of a streamed
   * layout as a sketch until then; resolves once the final positions are applied (true), or when a newer
   * layout or a destroyed canvas made them moot (false).
   */
  run(cy: Core, name: LayoutName, { incremental, fit }: { incremental: boolean; fit: boolean }): Promise<boolean> {
    this.running?.finish(false);
    const id = ++this.latest;
    const done = track();
    // A user who drags a node or the view while the layout runs takes over: it would otherwise pull the node
    // back or refit the view. A click (which grabs without moving) leaves the layout running.
    const stopOnDrag = () => this.stop();
    cy.on('drag', 'node', stopOnDrag);
    cy.on('dragpan', stopOnDrag);
    const request: LayoutRequest = {
      id,
      name,
      incremental,
      aspect: cy.width() / Math.max(cy.height(), 1),
      ...layoutData(cy),
    };
    return new Promise<boolean>((resolve) => {
      const running: Running = {
        id,
        cy,
        fit,
        finish: (applied) => {
          if (this.running === running) this.running = undefined;
          running.sketch?.remove();
          if (!cy.destroyed()) {
            cy.removeListener('drag', 'node', stopOnDrag);
            cy.removeListener('dragpan', stopOnDrag);
          }
          done();
          resolve(applied);
        },
      };
      this.running = running;
      this.worker.postMessage({ kind: 'run', request } satisfies LayoutMessage);
    });
  }

  /**
   * Ends the running layout where it is now: the positions of its last step are applied, and steps still on
   * their way are ignored, so nothing moves or refits under the user's pointer afterwards.
   */
  stop(): void {
    const running = this.running;
    if (!running) return;
    this.worker.postMessage({ kind: 'stop', id: running.id } satisfies LayoutMessage);
    const latest = running.sketch?.latest();
    if (latest && !running.cy.destroyed()) this.apply(running, latest);
    running.finish(false);
  }

  terminate(): void {
    this.running?.finish(false);
    this.worker.terminate();
  }

  private receive({ id, positions, final }: LayoutResult): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    if (running.cy.destroyed()) {
      running.finish(false);
      return;
    }
    const started = performance.now();
    if (final) this.apply(running, positions);
    else {
      // Cytoscape's canvas redraws every element once any moved (a third of a second at 5,000 nodes): the
      // steps are sketched, and the canvas draws the graph once, where it ends.
      running.sketch ??= new LayoutSketch(running.cy, running.fit, () => this.stop());
      running.sketch.show(positions);
    }
    countLayoutStep(performance.now() - started);
    if (!final) return;
    // What a layout run would emit: the thumbnail redraws on it (outside the time counted above).
    running.cy.emit('layoutstop');
    countLayout();
    running.finish(true);
  }

  /** Moves the nodes to `positions` (pinned nodes, grabbed ones and nodes added meanwhile keep their place). */
  private apply({ cy, fit }: Running, positions: Record<string, Position>): void {
    // One call for the whole collection: a position() per node costs twice as much at 10,000 nodes.
    cy.batch(() =>
      cy
        .nodes()
        .filter((node) => !node.locked() && !node.grabbed() && own(positions, node.id()) !== undefined)
        .positions((node) => own(positions, node.id())!),
    );
    if (fit) fitShownNodes(cy);
  }
}
