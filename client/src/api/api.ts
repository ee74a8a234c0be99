// Every request goes through the generated, typed client (packages/client, `npm run client:generate`): the
// request and response shapes are the OpenAPI document's, made from the server's zod schemas. Types cost
// nothing in the page; openapi-fetch is about 2 kB.
import type { components, EntenteClient, paths } from '@entente/client';
import { track as trackWork } from '../probe/probe.js';

/** The v1 API, typed: the client's only way to the data (no Cypher is written here). */

type Schemas = components['schemas'];
export type ApiNode = Schemas['Node'];
export type ApiEdge = Schemas['Edge'];
export type Graph = Schemas['Graph'];
export type QueryResult = Schemas['Result'];
export type Schema = Schemas['Schema'];
export type SearchResult = Schemas['SearchResult'];
export type TypeCount = Schemas['TypeCount'];
export type ChangeEntry = Schemas['Change'];
export type Disagreement = Schemas['Disagreement'];
export type DisagreementVersion = Schemas['DisagreementVersion'];
export type PathReasons = Schemas['PathReasons'];
export type QueryParameter = Schemas['QueryParameter'];
export type RankedPath = Schemas['RankedPath'];
export type SavedQuerySummary = Schemas['SavedQuerySummary'];
export type DatingEntry = Schemas['DatingEntry'];
type Problem = Schemas['Problem'];
export type SavedMapping = Schemas['SavedImportMapping'];
/** A mapping as the import routes take it (zod's input shape: defaults may be left out). */
export type ImportMapping = Schemas['ImportMapping'];

export type { components, paths };

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The query parameters an operation of the contract takes. */
export type QueryOf<Path extends keyof paths, M extends Method> = paths[Path][M] extends {
  parameters: { query?: infer Query };
}
  ? NonNullable<Query>
  : never;
/** The JSON body an operation of the contract takes. */
export type BodyOf<Path extends keyof paths, M extends Method> = paths[Path][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;
/** The JSON answer of an operation of the contract on success. */
export type AnswerOf<Path extends keyof paths, M extends Method> = paths[Path][M] extends {
  responses: { [status in 200 | 201 | 202]?: { content: { 'application/json': infer Answer } } };
}
  ? Answer
  : never;

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

/**
 * The page's client of its own site, with the session cookie. It is asked for as this module loads and
 * arrives beside the first draw rather than before it (openapi-fetch would tip the first-load budget).
 * `fetch` is looked up per request, so a test that replaces it is heard.
 */
const entente: Promise<EntenteClient> = import('@entente/client').then(({ createEntenteClient }) => {
  const client = createEntenteClient(globalThis.location?.origin ?? '', {
    credentials: 'same-origin',
    fetch: (request) => globalThis.fetch(request),
  });
  client.use({
    onRequest({ request }) {
      if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken)
        request.headers.set('x-csrf-token', csrfToken);
      return request;
    },
  });
  return client;
});

/** The members of a problem+json answer, from whatever came back (a proxy in between may answer otherwise). */
function problemOf(body: unknown): Partial<Problem> {
  return body !== null && typeof body === 'object' ? body : {};
}

/**
 * Runs one call of the typed client, counted as activity and as probe work; answers its data, or throws an
 * ApiError from the problem it answered (status 0 when the server could not be reached).
 */
export async function answer<Data>(
  call: (client: EntenteClient) => Promise<{ data?: Data; error?: unknown; response: Response }>,
): Promise<Data> {
  track(1);
  const done = trackWork();
  try {
    const { data, error, response } = await call(await entente);
    if (!response.ok) {
      const problem = problemOf(error);
      if (response.status === 401 && problem.type === unauthenticated) signInNeeded.dispatchEvent(new Event('needed'));
      throw new ApiError(
        response.status,
        problem.title ?? response.statusText,
        problem.detail ?? '',
        problem.position,
        problem.type,
      );
    }
    return data as Data;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, 'Network error', 'The server could not be reached. Is Entente running?');
  } finally {
    track(-1);
    done();
  }
}

/** Formats of POST /api/export the explorer offers for the canvas. */
export type GraphFileFormat = Extract<
  NonNullable<paths['/api/export']['post']['requestBody']>['content']['application/json']['format'],
  'graphml' | 'gexf'
>;

type PathsQuery = paths['/api/paths']['get']['parameters']['query'];

/** How GET /api/paths searches: its ranking, the day paths must hold on, the dating, what it never steps through. */
export type PathOptions = Partial<Pick<PathsQuery, 'rank' | 'asOf' | 'maxHops' | 'limit'>> & {
  dating?: DatingEntry[];
  /** Relationship types never to step through; undefined leaves the server's default (MENTIONED_IN). */
  exclude?: string[];
};

/** The `dating` query parameter: JSON, left out when everything is dated by since/until. */
const datingParameter = (dating: DatingEntry[] = []) => (dating.length ? JSON.stringify(dating) : undefined);

/** The parameters that have a value: an empty text means "not given", as in a form. */
const given = <Query extends object>(query: Query) =>
  Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== '')) as Query;

type NeighboursQuery = NonNullable<paths['/api/nodes/{id}/neighbours']['get']['parameters']['query']>;

export const api = {
  schema: () => answer((client) => client.GET('/api/schema')),
  search: (q: string, limit = 8) => answer((client) => client.GET('/api/search', { params: { query: { q, limit } } })),
  node: (id: string) => answer((client) => client.GET('/api/nodes/{id}', { params: { path: { id } } })),
  relationships: (id: string) =>
    answer((client) => client.GET('/api/nodes/{id}/relationships', { params: { path: { id } } })),
  // Without an as-of date, which the explorer never asks the server for, the dating would change nothing.
  neighbours: (id: string, options: Pick<NeighboursQuery, 'types' | 'direction' | 'limit' | 'skip' | 'cursor'>) =>
    answer((client) => client.GET('/api/nodes/{id}/neighbours', { params: { path: { id }, query: given(options) } })),
  /** A node's dated relationships, oldest first, with the nodes at their other ends (for its timeline). */
  timeline: (id: string, dating?: DatingEntry[]) =>
    answer((client) =>
      client.GET('/api/nodes/{id}/timeline', {
        params: { path: { id }, query: { dating: datingParameter(dating) } },
      }),
    ),
  /**
   * Ranked paths, best first, each with its rank and the reasons for it: only relationships valid on `asOf`
   * when it is given, never through the types of `exclude` (left out: the server's provenance default; an empty
   * list: none is excluded, which is sent as an empty `exclude=`).
   */
  paths: (from: string, to: string, options: PathOptions = {}) => {
    const { rank = 'hops', asOf, dating, exclude, maxHops = 4, limit = 10 } = options;
    const query: PathsQuery = {
      from,
      to,
      rank,
      maxHops,
      limit,
      ...(asOf ? { asOf } : {}),
      dating: datingParameter(dating),
      // One comma-separated value, as the route reads it.
      ...(exclude ? { exclude: exclude.join(',') } : {}),
    };
    return answer((client) => client.GET('/api/paths', { params: { query } }));
  },
  /** The given nodes and every relationship among them as a GraphML or GEXF file. */
  exportFile: (ids: string[], format: GraphFileFormat) =>
    answer((client) => client.POST('/api/export', { body: { format, ids }, parseAs: 'blob' })),
  /** The nodes of `ids` and the relationships among them and between them and the nodes of `withIds`. */
  subgraph: (ids: string[], withIds?: string[]) =>
    answer((client) => client.POST('/api/subgraph', { body: { ids, ...(withIds?.length ? { with: withIds } : {}) } })),
  /** The neighbourhood of a node, `depth` rings deep (at most 1,000 nodes), with its measures. */
  neighbourhood: (id: string, depth: number, options: { asOf?: string; dating?: DatingEntry[] } = {}) =>
    answer((client) =>
      client.POST('/api/analytics', { body: { around: { id, depth }, measures: ['degree'], ...options } }),
    ),
  disagreements: () => answer((client) => client.GET('/api/disagreements')),
  changes: (from: string, to: string, dating?: DatingEntry[]) =>
    answer((client) =>
      client.GET('/api/changes', { params: { query: { from, to, dating: datingParameter(dating) } } }),
    ),
  queries: () => answer((client) => client.GET('/api/queries')),
  runQuery: (id: string, params: Record<string, unknown>) =>
    answer((client) => client.POST('/api/queries/{id}/run', { params: { path: { id } }, body: { params } })),
  cypher: (queryText: string, params: Record<string, unknown> = {}) =>
    answer((client) => client.POST('/api/cypher', { body: { query: queryText, params } })),
  /** Uploads a file with its mapping; answers the job (202), followed by its event stream. */
  importFile: (file: File, mapping: ImportMapping, dryRun: boolean, rejectedRows: 'skip' | 'fail' = 'skip') =>
    answer((client) =>
      client.POST('/api/imports', {
        // The contract's text fields, typed; the file is added to the form as it is (a multipart upload).
        body: { mapping: JSON.stringify(mapping), dryRun: dryRun ? 'true' : 'false', rejectedRows, file: file.name },
        bodySerializer: ({
          mapping: mappingText = '',
          dryRun: dryRunText = 'false',
          rejectedRows: rejected = 'skip',
        }) => {
          const form = new FormData();
          form.set('mapping', mappingText);
          form.set('dryRun', dryRunText);
          form.set('rejectedRows', rejected);
          form.set('file', file);
          return form;
        },
      }),
    ),
  importJob: (id: string) => answer((client) => client.GET('/api/imports/{id}', { params: { path: { id } } })),
  cancelImport: (id: string) =>
    answer((client) => client.POST('/api/imports/{id}/cancel', { params: { path: { id } } })),
  rollbackImport: (id: string) =>
    answer((client) => client.POST('/api/imports/{id}/rollback', { params: { path: { id } } })),
  importMappings: () => answer((client) => client.GET('/api/import-mappings')),
  /** Saves a mapping under a name: a new one (no version), or a change of the saved one at its version. */
  saveImportMapping: (name: string, mapping: ImportMapping, version?: number) =>
    version === undefined
      ? answer((client) => client.POST('/api/import-mappings', { body: { name, mapping } }))
      : answer((client) =>
          client.PUT('/api/import-mappings/{name}', { params: { path: { name } }, body: { mapping, version } }),
        ),
  deleteImportMapping: (name: string, version: number) =>
    answer((client) =>
      client.DELETE('/api/import-mappings/{name}', { params: { path: { name }, query: { version } } }),
    ),
};
