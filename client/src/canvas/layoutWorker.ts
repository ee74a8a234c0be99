import type { Core, Position } from 'cytoscape';
import { countLayout, countLayoutStep, track } from '../probe/probe.js';
import type { LayoutName } from './layouts.js';
import { nodeSize } from './style.js';

export interface LayoutRequest {
  id: number;
  name: LayoutName;
  incremental: boolean;
  nodes: { id: string; position: Position; locked: boolean }[];
  edges: { id: string; source: string; target: string }[];
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
 * their centres. Cytoscape's own fit measures every edge and label: half a second at 10,000 nodes, per step.
 */
export function fitShownNodes(cy: Core): void {
  // By class, not by ':visible', which makes Cytoscape compute every node's style first (a second at 5,000
  // nodes when the first step comes before the first frame).
  const shown = cy.nodes().not('.filtered');
  if (shown.empty()) return;
  const padding = 40 + nodeSize / 2;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  shown.forEach((node) => {
    const { x, y } = node.position();
    [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
  });
  // Never closer than a comfortable reading zoom, as the canvas fits elsewhere (one node would fill the screen).
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(1.5, (cy.width() - 2 * padding) / (right - left || 1), (cy.height() - 2 * padding) / (bottom - top || 1)),
  );
  cy.viewport({
    zoom,
    pan: { x: (cy.width() - zoom * (left + right)) / 2, y: (cy.height() - zoom * (top + bottom)) / 2 },
  });
}

interface Running {
  id: number;
  cy: Core;
  fit: boolean;
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
   * Lays out `cy`'s graph and moves its nodes there step by step (locked nodes stay); resolves once the
   * final positions are applied (true), or when a newer layout or a destroyed canvas made them moot (false).
   */
  run(cy: Core, name: LayoutName, { incremental, fit }: { incremental: boolean; fit: boolean }): Promise<boolean> {
    this.running?.finish(false);
    const id = ++this.latest;
    const done = track();
    // A user who drags a node while the layout runs takes over: it would otherwise pull the node back. A
    // click (which grabs without moving) leaves the layout running.
    const stopOnDrag = () => this.stop();
    cy.on('drag', 'node', stopOnDrag);
    const request: LayoutRequest = {
      id,
      name,
      incremental,
      nodes: cy.nodes().map((node) => ({ id: node.id(), position: node.position(), locked: node.locked() })),
      edges: cy.edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() })),
    };
    return new Promise<boolean>((resolve) => {
      this.running = {
        id,
        cy,
        fit,
        finish: (applied) => {
          if (this.running?.id === id) this.running = undefined;
          if (!cy.destroyed()) cy.removeListener('drag', 'node', stopOnDrag);
          done();
          resolve(applied);
        },
      };
      this.worker.postMessage({ kind: 'run', request } satisfies LayoutMessage);
    });
  }

  /**
   * Ends the running layout where it is now (its positions so far stay): steps still on their way are
   * ignored, so nothing moves or refits under the user's pointer.
   */
  stop(): void {
    if (!this.running) return;
    this.worker.postMessage({ kind: 'stop', id: this.running.id } satisfies LayoutMessage);
    this.running.finish(false);
  }

  terminate(): void {
    this.running?.finish(false);
    this.worker.terminate();
  }

  private receive({ id, positions, final }: LayoutResult): void {
    const running = this.running;
    if (!running || running.id !== id) return;
    const { cy, fit } = running;
    if (cy.destroyed()) {
      running.finish(false);
      return;
    }
    const started = performance.now();
    // One call for the whole collection: a position() per node costs twice as much at 10,000 nodes. Pinned
    // nodes, and nodes added meanwhile (not in this layout), keep their place.
    cy.batch(() =>
      cy
        .nodes()
        .filter((node) => !node.locked() && !node.grabbed() && positions[node.id()] !== undefined)
        .positions((node) => positions[node.id()]!),
    );
    // A new picture is followed as it spreads, so that it never runs off the screen.
    if (fit) fitShownNodes(cy);
    countLayoutStep(performance.now() - started);
    if (!final) return;
    // What a layout run would emit: the overview redraws on it (outside the time counted above).
    cy.emit('layoutstop');
    countLayout();
    running.finish(true);
  }
}
