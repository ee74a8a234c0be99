import type { Analysis, AnalyticsInput, AnalyticsOptions, Explanation } from '../../../shared/analytics/measures.js';

import { track } from '../probe/probe';

export type AnalyticsRequest =
  | { kind: 'analyse'; id: number; input: AnalyticsInput; options: AnalyticsOptions }
  | { kind: 'explain'; id: number; nodeId: string; pairs: number }
  | { kind: 'paths'; id: number; source: string; via: string; target: string };

export type AnalyticsReply =
  | { kind: 'analysis'; id: number; analysis: Analysis; elapsedMs: number }
  | { kind: 'explanation'; id: number; explanation: Explanation | null }
  | { kind: 'paths'; id: number; nodes: string[]; edges: string[] }
  | { kind: 'error'; id: number; message: string };

type Pending = { resolve: (reply: AnalyticsReply) => void; reject: (error: Error) => void };

/**
 * The main thread's side of analytics.worker.ts: each request is answered in turn; an analysis asked for
 * while another runs makes the earlier one moot (it resolves undefined), as the graph or filters changed.
 */
export class AnalyticsWorker {
  private readonly worker = new Worker(new URL('./analytics.worker.ts', import.meta.url), { type: 'module' });
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private latestAnalysis = 0;

  constructor() {
    this.worker.onmessage = ({ data }: MessageEvent<AnalyticsReply>) => {
      const waiting = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (!waiting) return;
      if (data.kind === 'error') waiting.reject(new Error(`The measures failed: ${data.message}`));
      else waiting.resolve(data);
    };
    this.worker.onerror = (event) => {
      for (const waiting of this.pending.values()) waiting.reject(new Error(`The measures failed: ${event.message}`));
      this.pending.clear();
    };
  }

  /** Each request counts as work under way for the probe (tests and the benchmark wait for it). */
  private ask(request: AnalyticsRequest): Promise<AnalyticsReply> {
    const done = track();
    return new Promise<AnalyticsReply>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    }).finally(done);
  }

  async analyse(
    input: AnalyticsInput,
    options: AnalyticsOptions,
  ): Promise<{ analysis: Analysis; elapsedMs: number } | undefined> {
    const id = ++this.next;
    this.latestAnalysis = id;
    const reply = await this.ask({ kind: 'analyse', id, input, options });
    if (id !== this.latestAnalysis || reply.kind !== 'analysis') return undefined;
    return { analysis: reply.analysis, elapsedMs: reply.elapsedMs };
  }

  /** The explanation of a node of the latest analysis (with up to `pairs` betweenness pairs). */
  async explain(nodeId: string, pairs = 10): Promise<Explanation | null> {
    const reply = await this.ask({ kind: 'explain', id: ++this.next, nodeId, pairs });
    return reply.kind === 'explanation' ? reply.explanation : null;
  }

  /** The shortest paths between two nodes of the latest analysis that run through a third. */
  async pathsVia(source: string, via: string, target: string): Promise<{ nodes: string[]; edges: string[] }> {
    const reply = await this.ask({ kind: 'paths', id: ++this.next, source, via, target });
    return reply.kind === 'paths' ? { nodes: reply.nodes, edges: reply.edges } : { nodes: [], edges: [] };
  }

  /** Stops the worker; what was asked of it resolves as moot. */
  terminate(): void {
    this.worker.terminate();
    for (const [id, waiting] of this.pending) waiting.resolve({ kind: 'error', id, message: 'stopped' });
    this.pending.clear();
  }
}
