import type { Core, Position } from 'cytoscape';
import { countLayout, track } from '../probe/probe';
import type { LayoutName } from './layouts';

export interface LayoutRequest {
  id: number;
  name: LayoutName;
  incremental: boolean;
  nodes: { id: string; position: Position; locked: boolean }[];
  edges: { id: string; source: string; target: string }[];
}

export interface LayoutResult {
  id: number;
  positions: Record<string, Position>;
}

/**
 * The main thread's side of layout.worker.ts. Only the latest request's positions are applied: a layout
 * asked for while another runs (the graph grew, the user picked another) makes the earlier one moot.
 */
export class LayoutWorker {
  private readonly worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  private latest = 0;
  private readonly waiting = new Map<number, (positions: Record<string, Position> | undefined) => void>();

  constructor(onError: (error: Error) => void) {
    this.worker.onmessage = ({ data }: MessageEvent<LayoutResult>) => {
      this.waiting.get(data.id)?.(data.id === this.latest ? data.positions : undefined);
      this.waiting.delete(data.id);
    };
    this.worker.onerror = (event) => {
      onError(new Error(`The layout failed: ${event.message}`));
      this.waiting.forEach((resolve) => resolve(undefined));
      this.waiting.clear();
    };
  }

  /** Lays out `cy`'s graph and moves its nodes there (locked nodes stay); resolves once they have moved. */
  async run(
    cy: Core,
    name: LayoutName,
    { incremental, fit }: { incremental: boolean; fit: boolean },
  ): Promise<boolean> {
    const id = ++this.latest;
    const done = track();
    const request: LayoutRequest = {
      id,
      name,
      incremental,
      nodes: cy.nodes().map((node) => ({ id: node.id(), position: node.position(), locked: node.locked() })),
      edges: cy.edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() })),
    };
    try {
      const positions = await new Promise<Record<string, Position> | undefined>((resolve) => {
        this.waiting.set(id, resolve);
        this.worker.postMessage(request);
      });
      if (!positions || cy.destroyed()) return false;
      // A preset layout moves them in one batch (nodes added meanwhile keep their place) and emits
      // layoutstop, which the overview listens for.
      cy.layout({ name: 'preset', positions, fit: false, animate: false }).run();
      // Fitted to what is shown: filtered-out elements keep a place but take no room on the screen.
      if (fit) cy.fit(cy.elements(':visible'), 40);
      countLayout();
      return true;
    } finally {
      done();
    }
  }

  terminate(): void {
    this.worker.terminate();
  }
}
