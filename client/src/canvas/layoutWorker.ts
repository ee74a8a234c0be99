import type { Core, Position } from 'cytoscape';
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
    this.worker.onerror = (event) => onError(new Error(`The layout failed: ${event.message}`));
  }

  /** Lays out `cy`'s graph and moves its nodes there (locked nodes stay); resolves once they have moved. */
  async run(cy: Core, name: LayoutName, { incremental, fit }: { incremental: boolean; fit: boolean }) {
    const id = ++this.latest;
    const request: LayoutRequest = {
      id,
      name,
      incremental,
      nodes: cy.nodes().map((node) => ({ id: node.id(), position: node.position(), locked: node.locked() })),
      edges: cy.edges().map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() })),
    };
    const positions = await new Promise<Record<string, Position> | undefined>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage(request);
    });
    if (!positions || cy.destroyed()) return;
    // A preset layout moves them in one batch (nodes added meanwhile keep their place) and emits
    // layoutstop, which the overview listens for.
    cy.layout({ name: 'preset', positions, fit, padding: 40, animate: false }).run();
  }

  terminate(): void {
    this.worker.terminate();
  }
}
