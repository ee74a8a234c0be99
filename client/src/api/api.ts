// The API's shapes are the server's own zod-derived types. Type-only: the schemas stay on the server, since
// zod alone would add about 90 kB gzipped to the first load.
import type {
  AnalyticsResponse,
  ApiEdge,
  ApiGraph,
  ApiNode,
  ApiResult,
  ChangesResponse,
  DatingEntry,
  Disagreement,
  DisagreementsResponse,
  DisagreementVersion,
  NodeResponse,
  PathReasons,
  PathsResponse,
  Problem,
  QueryParameter,
  RankedPath,
  RelationshipMenu,
  SavedQueriesResponse,
  SavedQuerySummary,
  SchemaResponse,
  SearchResponse,
} from '../../../server/graph/graph.schemas.js';

import type { ImportJob, SavedMapping } from '../../../server/imports/imports.schemas.js';
import { track as trackWork } from '../probe/probe.js';

/** The v1 API, typed: the client's only way to the data (no Cypher is written here). */

export type { ApiEdge, ApiNode, Disagreement, DisagreementVersion, PathReasons, QueryParameter, RankedPath };
export type { SavedQuerySummary };
export type Graph = ApiGraph;
export type QueryResult = ApiResult;
export type Schema = SchemaResponse;
export type SearchResult = SearchResponse['results'][number];
export type TypeCount = RelationshipMenu['relationships'][number];
export type ChangeEntry = ChangesResponse['changes'][number];

/** A problem+json answer from the API, kept whole so the UI can show its detail and position. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly position?: Problem['position'],
    /** The problem's stable type, such as `/problems/unauthenticated`. */
    readonly type?: string,
  ) {
    super(detail || title);
  }
}

/**
 * The session's CSRF token (from GET /api/me, or the answer of a sign-in): every write sent with the session
 * cookie carries it as `x-csrf-token`. Null in single-user mode and when signed out.
 */
let csrfToken: string | null = null;
export function rememberCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Fired when the server answers 401 unauthenticated: the session is gone, so the page sends the user to sign in. */
export const signInNeeded = new EventTarget();
const unauthenticated = '/problems/unauthenticated';

/** Counts requests in flight, so the page can show one loading indicator for all of them. */
export const activity = new EventTarget();
let inFlight = 0;
function track(delta: number) {
  inFlight += delta;
  activity.dispatchEvent(new CustomEvent('change', { detail: inFlight }));
}

/** The members of a problem+json answer, from whatever came back (a proxy in between may answer otherwise). */
function problemOf(body: unknown): Partial<Problem> {
  return body !== null && typeof body === 'object' ? body : {};
}

/** Sends a request and reads a successful answer with `read`; a failure is an ApiError from its problem. */
async function send<Result>(
  path: string,
  init: RequestInit | undefined,
  read: (response: Response) => Promise<Result>,
) {
  track(1);
  const done = trackWork();
  const write = (init?.method ?? 'GET') !== 'GET';
  try {
    const response = await fetch(`/api${path}`, {
      ...init,
      credentials: 'same-origin',
      headers: {
        // A form (a file upload) sets its own multipart content type.
        ...(init?.body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        ...(write && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...init?.headers,
      },
    });
    if (!response.ok) {
      const problem = problemOf(await response.json().catch(() => undefined));
      if (response.status === 401 && problem.type === unauthenticated) signInNeeded.dispatchEvent(new Event('needed'));
      throw new ApiError(
        response.status,
        problem.title ?? response.statusText,
        problem.detail ?? '',
        problem.position,
        problem.type,
      );
    }
    return await read(response);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'Network error', 'The server could not be reached. Is Entente running?');
  } finally {
    track(-1);
    done();
  }
}

/** Every answer enters the page here, typed as the contract's response of the route asked. */
export function request<Response>(path: string, init?: RequestInit): Promise<Response> {
  return send(path, init, async (response) => (await response.json().catch(() => undefined)) as Response);
}

/** Formats of POST /api/export the explorer offers for the canvas. */
export type GraphFileFormat = 'graphml' | 'gexf';

const query = (parameters: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

/** How GET /api/paths searches: its ranking, the day paths must hold on, the dating, what it never steps through. */
export interface PathOptions {
  rank?: string;
  asOf?: string;
  dating?: DatingEntry[];
  /** Relationship types never to step through; undefined leaves the server's default (MENTIONED_IN). */
  exclude?: string[];
  maxHops?: number;
  limit?: number;
}

/** The `dating` query parameter: JSON, left out when everything is dated by since/until. */
const datingParameter = (dating: DatingEntry[] = []) => (dating.length ? JSON.stringify(dating) : undefined);

export const api = {
  schema: () => request<SchemaResponse>('/schema'),
  search: (q: string, limit = 8) => request<SearchResponse>(`/search?${query({ q, limit })}`),
  node: (id: string) => request<NodeResponse>(`/nodes/${encodeURIComponent(id)}`),
  relationships: (id: string) => request<RelationshipMenu>(`/nodes/${encodeURIComponent(id)}/relationships`),
  // Without an as-of date, which the explorer never asks the server for, the dating would change nothing.
  neighbours: (
    id: string,
    options: { types?: string; direction?: string; limit?: number; skip?: number; cursor?: string },
  ) => request<ApiGraph & { next?: string }>(`/nodes/${encodeURIComponent(id)}/neighbours?${query(options)}`),
  /** A node's dated relationships, oldest first, with the nodes at their other ends (for its timeline). */
  timeline: (id: string, dating?: DatingEntry[]) =>
    request<ApiGraph>(`/nodes/${encodeURIComponent(id)}/timeline?${query({ dating: datingParameter(dating) })}`),
  /**
   * Ranked paths, best first, each with its rank and the reasons for it: only relationships valid on `asOf`
   * when it is given, never through the types of `exclude` (left out: the server's provenance default; an empty
   * list: none is excluded, which is sent as an empty `exclude=`).
   */
  paths: (from: string, to: string, options: PathOptions = {}) => {
    const { rank = 'hops', asOf, dating, exclude, maxHops = 4, limit = 10 } = options;
    const search = query({ from, to, rank, maxHops, limit, asOf, dating: datingParameter(dating) });
    const excluded = exclude ? `&exclude=${exclude.map(encodeURIComponent).join(',')}` : '';
    return request<PathsResponse>(`/paths?${search}${excluded}`);
  },
  /** The nodes of `ids` and the relationships among them and between them and the nodes of `withIds`. */
  /** The given nodes and every relationship among them as a GraphML or GEXF file. */
  exportFile: (ids: string[], format: GraphFileFormat) =>
    send('/export', { method: 'POST', body: JSON.stringify({ format, ids }) }, (response) => response.blob()),
  subgraph: (ids: string[], withIds?: string[]) =>
    request<ApiGraph>('/subgraph', {
      method: 'POST',
      body: JSON.stringify({ ids, ...(withIds?.length ? { with: withIds } : {}) }),
    }),
  /** The neighbourhood of a node, `depth` rings deep (at most 1,000 nodes), with its measures. */
  neighbourhood: (id: string, depth: number, options: { asOf?: string; dating?: DatingEntry[] } = {}) =>
    request<AnalyticsResponse>('/analytics', {
      method: 'POST',
      body: JSON.stringify({ around: { id, depth }, measures: ['degree'], ...options }),
    }),
  disagreements: () => request<DisagreementsResponse>('/disagreements'),
  changes: (from: string, to: string, dating?: DatingEntry[]) =>
    request<ChangesResponse>(`/changes?${query({ from, to, dating: datingParameter(dating) })}`),
  queries: () => request<SavedQueriesResponse>('/queries'),
  runQuery: (id: string, params: Record<string, unknown>) =>
    request<ApiResult>(`/queries/${encodeURIComponent(id)}/run`, {
      method: 'POST',
      body: JSON.stringify({ params }),
    }),
  cypher: (queryText: string, params: Record<string, unknown> = {}) =>
    request<ApiResult>('/cypher', { method: 'POST', body: JSON.stringify({ query: queryText, params }) }),
  /** Uploads a file with its mapping; answers the job (202), followed by its event stream. */
  importFile: (file: File, mapping: unknown, dryRun: boolean) => {
    const form = new FormData();
    form.set('mapping', JSON.stringify(mapping));
    form.set('dryRun', String(dryRun));
    form.set('file', file);
    return request<ImportJob>('/imports', { method: 'POST', body: form });
  },
  importJob: (id: string) => request<ImportJob>(`/imports/${encodeURIComponent(id)}`),
  cancelImport: (id: string) => request<ImportJob>(`/imports/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
  rollbackImport: (id: string) => request<ImportJob>(`/imports/${encodeURIComponent(id)}/rollback`, { method: 'POST' }),
  importMappings: () => request<{ mappings: SavedMapping[] }>('/import-mappings'),
  /** Saves a mapping under a name: a new one (no version), or a change of the saved one at its version. */
  saveImportMapping: (name: string, mapping: unknown, version?: number) =>
    version === undefined
      ? request<SavedMapping>('/import-mappings', { method: 'POST', body: JSON.stringify({ name, mapping }) })
      : request<SavedMapping>(`/import-mappings/${encodeURIComponent(name)}`, {
          method: 'PUT',
          body: JSON.stringify({ mapping, version }),
        }),
  deleteImportMapping: (name: string, version: number) =>
    request<{ deleted: true }>(`/import-mappings/${encodeURIComponent(name)}?version=${version}`, {
      method: 'DELETE',
    }),
};
