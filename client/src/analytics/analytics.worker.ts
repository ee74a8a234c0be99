// Computes the measures off the main thread, so that a large graph never freezes the page. It keeps the last
// graph and its analysis, for the explanations and paths asked about it afterwards.
import {
  analyse,
  explainer,
  shortestPathsVia,
  type Analysis,
  type AnalyticsInput,
} from '../../../shared/analytics/measures.js';
import type { AnalyticsReply, AnalyticsRequest } from './analyticsWorker.js';

let last: { input: AnalyticsInput; analysis: Analysis; explain: ReturnType<typeof explainer> } | undefined;

self.onmessage = ({ data }: MessageEvent<AnalyticsRequest>) => {
  const reply = (message: AnalyticsReply) => self.postMessage(message);
  try {
    if (data.kind === 'analyse') {
      const started = performance.now();
      const analysis = analyse(data.input, data.options);
      last = { input: data.input, analysis, explain: explainer(data.input, analysis) };
      reply({ kind: 'analysis', id: data.id, analysis, elapsedMs: Math.round(performance.now() - started) });
    } else if (data.kind === 'explain') {
      reply({ kind: 'explanation', id: data.id, explanation: last?.explain(data.nodeId, data.pairs) ?? null });
    } else {
      const paths = last ? shortestPathsVia(last.input, data.source, data.via, data.target) : { nodes: [], edges: [] };
      reply({ kind: 'paths', id: data.id, ...paths });
    }
  } catch (error) {
    reply({ kind: 'error', id: data.id, message: error instanceof Error ? error.message : String(error) });
  }
};
