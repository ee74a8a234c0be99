// The API's shapes are the server's own zod-derived types (type-only: nothing of the server is bundled).
import type { ApiEdge, ApiGraph, ApiNode, ApiResult, PathReasons } from '../../../server/graph/graph.schemas.js';

import { track as trackWork } from '../probe/probe.js';

/** The v1 API, typed: the client's only way to the data (no Cypher is written here). */

export type { ApiEdge, ApiNode, PathReasons };
export type Graph = ApiGraph;
export type QueryResult = ApiResult;

export interface QueryParameter {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'date' | 'nodeId' | 'label' | 'relationshipType' | 'propertyKey';
  description?: string;
  default?: string | number | boolean;
  values?: (string | number)[];
}

export interface SavedQuerySummary {
  id: string;
  name: string;
  description: string;
  parameters: QueryParameter[];
  origin: 'shipped' | 'user';
}

export interface DisagreementVersion {
  kind: 'relationship' | 'node';
  /** The edge or node id in the answer's graph. */
  id: string;
  figures: Record<string, unknown>;
  qualifier: string | null;
  claim: string | null;
  sources: string[];
  since: string | null;
  until: string | null;
}

export interface Disagreement {
  id: string;
  versions: DisagreementVersion[];
}

export interface ChangeEntry {
  change: 'began' | 'ended';
  date: string;
  kind: 'relationship' | 'node';
  id: string;
  claim: string | null;
  sources: string[];
}

export interface SearchResult {
  id: string;
  labels: string[];
  caption: string;
  score: number;
}

export interface TypeCount {
  type: string;
  direction: 'in' | 'out';
  count: number;
}

export interface Schema {
  labels: { name: string; count: number }[];
  relationshipTypes: { name: string; count: number }[];
  propertyKeys: string[];
  /** Which label connects to which by which type (absent from older servers). */
  links?: { from: string; type: string; to: string }[];
}

/** A problem+json answer from the API, kept whole so the UI can show its detail and position. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly position?: { line: number; column: number; offset: number },
  ) {
    super(detail || title);
  }
}

/** Counts requests in flight, so the page can show one loading indicator for all of them. */
export const activity = new EventTarget();
let inFlight = 0;
function track(delta: number) {
  inFlight += delta;
  activity.dispatchEvent(new CustomEvent('change', { detail: inFlight }));
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  track(1);
  const done = trackWork();
  try {
    const response = await fetch(`/api${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init?.headers },
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new ApiError(response.status, body.title ?? response.statusText, body.detail ?? '', body.position);
    }
    return body as T;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'Network error', 'The server could not be reached. Is Entente running?');
  } finally {
    track(-1);
    done();
  }
}

const query = (parameters: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

export const api = {
  schema: () => request<Schema>('/schema'),
  search: (q: string, limit = 8) => request<{ results: SearchResult[] }>(`/search?${query({ q, limit })}`),
  node: (id: string) => request<{ node: ApiNode }>(`/nodes/${encodeURIComponent(id)}`),
  relationships: (id: string) =>
    request<{ relationships: TypeCount[] }>(`/nodes/${encodeURIComponent(id)}/relationships`),
  neighbours: (id: string, options: { types?: string; direction?: string; limit?: number; skip?: number }) =>
    request<Graph>(`/nodes/${encodeURIComponent(id)}/neighbours?${query(options)}`),
  /** Ranked paths, best first, each with its rank and the reasons for it. */
  paths: (from: string, to: string, rank = 'hops', maxHops = 4, limit = 10) =>
    request<{ paths: (Graph & { meta: { rank: number; reasons: PathReasons } })[] }>(
      `/paths?${query({ from, to, rank, maxHops, limit })}`,
    ),
  /** The nodes of `ids` and the relationships among them and between them and the nodes of `withIds`. */
  subgraph: (ids: string[], withIds?: string[]) =>
    request<Graph>('/subgraph', {
      method: 'POST',
      body: JSON.stringify(withIds?.length ? { ids, with: withIds } : { ids }),
    }),
  disagreements: () => request<{ disagreements: Disagreement[]; graph: Graph }>('/disagreements'),
  changes: (from: string, to: string) =>
    request<{ changes: ChangeEntry[]; graph: Graph; meta: { truncated: boolean } }>(`/changes?${query({ from, to })}`),
  queries: () => request<{ queries: SavedQuerySummary[] }>('/queries'),
  runQuery: (id: string, params: Record<string, unknown>) =>
    request<QueryResult>(`/queries/${encodeURIComponent(id)}/run`, {
      method: 'POST',
      body: JSON.stringify({ params }),
    }),
  cypher: (queryText: string, params: Record<string, unknown> = {}) =>
    request<QueryResult>('/cypher', { method: 'POST', body: JSON.stringify({ query: queryText, params }) }),
};
