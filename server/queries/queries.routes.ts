import type { RequestHandler } from 'express';
import { z, ZodError } from 'zod';
import { callerOf, type Caller } from '../accounts/caller.js';
import type { ConsoleRunner } from '../console/console.pool.js';
import type { Catalog } from '../graph/catalog.js';
import {
  apiResultSchema,
  type ApiResult,
  queryParameterSchema,
  savedQueriesResponseSchema,
  savedQuerySchema,
  type QueryParameter,
} from '../graph/graph.schemas.js';
import { cursorCodec, cursorParam, nextField } from '../http/cursor.js';
import { ProblemError } from '../http/problem.js';
import { cypherParameters, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import type { Store } from '../store/store.js';
import { resolveNodes } from '../nodes/nodes.queries.js';
import { parseRunParameters, type SavedQuery } from './saved-query.js';
import { loadShippedQueries, UserQueryStore, type QueryFields } from './queries.store.js';

const queryId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and -');

const fieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).default(''),
  query: z.string().trim().min(1).max(20_000),
  parameters: z.array(queryParameterSchema).max(20).default([]),
});

const exampleFields = {
  name: 'Busiest nodes of a label',
  description: 'The nodes of one label with the most relationships',
  query: 'MATCH (n) WHERE $label IN labels(n) RETURN n, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 10',
  parameters: [{ name: 'label', type: 'label', description: 'The label to rank' }],
};
const createBody = fieldsSchema
  .extend({ id: queryId })
  .openapi({ example: { id: 'busiest-of-label', ...exampleFields } });
const version = z.number().int().min(1).max(1_000_000_000);
const updateBody = fieldsSchema.extend({ version }).openapi({ example: { version: 1, ...exampleFields } });
const runBody = z.strictObject({ params: cypherParameters }).openapi({ example: { params: { company: 'openai' } } });

/**
 * A page of a saved query's result starts past the rows of the pages before it: the position is that row
 * count, bound to the query (and the version of a user's query) and its parameters. A statement is any read,
 * so the walk is by row number: it returns each row once while the graph is unchanged and the query orders
 * its rows (ORDER BY); a write between pages may shift rows across the page boundary.
 */
const resultCursors = cursorCodec('saved-query-run', z.number().int().min(0).max(Number.MAX_SAFE_INTEGER));

function resultScope(query: SavedQuery, parameters: Record<string, unknown>): string {
  return JSON.stringify([query.id, query.origin === 'user' ? query.version : 0, parameters]);
}

const runQuery = z.strictObject({
  cursor: cursorParam.optional(),
  limit: queryInteger(1, 100_000)
    .optional()
    .openapi({
      description:
        'Rows in a page, at most CYPHER_MAX_ROWS (a larger one is cut to it); default CYPHER_MAX_ROWS. When ' +
        'more follow, `meta.truncated` is true and `next` is their cursor.',
    }),
});

const pagedResultSchema = apiResultSchema
  .extend({
    next: nextField
      .openapi({
        description:
          'The cursor of the rows after this page (pass it as `cursor`); absent on the last page. Unlike other ' +
          'cursors a row position, bound to the query, its version and its parameters: give the query an ORDER BY, ' +
          'and a write between pages may move rows across a page boundary.',
      })
      .optional(),
  })
  .openapi('PagedResult', { description: 'A page of a result: `next` continues it, absent on the last page' });

function summary({ query: _query, requires: _requires, ...rest }: SavedQuery) {
  return rest;
}

export function queryRoutes(
  api: ApiRoutes,
  db: Database,
  catalog: Catalog,
  store: Store,
  runner: ConsoleRunner,
  /** The request budget that saved-query runs share with the console. */
  rateLimit: RequestHandler,
) {
  const shipped = loadShippedQueries();
  const users = new UserQueryStore(store);

  async function find(id: string): Promise<SavedQuery> {
    const query = shipped.get(id) ?? (await users.get(id));
    if (!query) throw ProblemError.notFound(`No saved query has the id "${id}".`);
    return query;
  }

  function refuseShipped(id: string) {
    if (shipped.has(id)) {
      throw new ProblemError(
        409,
        'read-only-query',
        'Shipped query',
        `"${id}" ships with Entente and cannot be changed.`,
      );
    }
  }

  /** Names given for `label`, `relationshipType` and `propertyKey` parameters must be the database's own. */
  async function checkSchemaNames(parameters: QueryParameter[], values: Record<string, unknown>, at: string) {
    for (const parameter of parameters) {
      const value = values[parameter.name];
      if (typeof value !== 'string') continue;
      const where = `${at}.${parameter.name}`;
      if (parameter.type === 'label') await catalog.requireLabels([value], where);
      if (parameter.type === 'relationshipType') await catalog.requireRelationshipTypes([value], where);
      if (parameter.type === 'propertyKey') await catalog.requirePropertyKeys([value], where);
    }
  }

  /** Node parameters name nodes by API id; the query gets each node's elementId, whatever its ids are. */
  async function resolveNodeParameters(parameters: QueryParameter[], values: Record<string, unknown>, at: string) {
    const nodeParameters = parameters.filter((parameter) => parameter.type === 'nodeId');
    const ids = nodeParameters.map((parameter) => String(values[parameter.name]));
    const found = await resolveNodes(db, catalog, ids);
    for (const parameter of nodeParameters) {
      const id = String(values[parameter.name]);
      const node = found.get(id);
      if (!node) {
        throw ProblemError.badRequest(`${at}.${parameter.name}: no node has the id "${id}"`, [
          { location: `${at}.${parameter.name}`, message: `no node has the id "${id}"` },
        ]);
      }
      values[parameter.name] = node.elementId;
    }
  }

  /** A saved query must be read-only and declare every parameter it uses: checked when it is saved. */
  async function checkFields(fields: QueryFields) {
    const names = new Set(fields.parameters.map((parameter) => parameter.name));
    if (names.size !== fields.parameters.length) throw ProblemError.badRequest('parameters: names must be unique');
    await runner.check(fields.query);
  }

  /**
   * Runs a saved query for a caller: its parameters checked against the declared types (a wrong one is a 400
   * at `where`), names against the database, node ids resolved; a user's query needs the `query` scope.
   */
  async function run(
    id: string,
    parameters: Record<string, unknown>,
    caller: Caller,
    where: string[],
    page: { cursor?: string; limit?: number } = {},
  ): Promise<ApiResult & { next?: string }> {
    const query = await find(id);
    if (query.origin === 'user' && !caller.scopes.has('query')) {
      throw new ProblemError(
        403,
        'not-permitted',
        'Not permitted',
        `Running a query a user saved needs the scope "query", which ${caller.kind === 'key' ? 'this API key' : `the role ${caller.role ?? 'of anonymous callers'}`} lacks.`,
      );
    }
    let values: Record<string, unknown>;
    try {
      values = parseRunParameters(query, parameters);
    } catch (error) {
      if (error instanceof ZodError) {
        throw new ZodError(error.issues.map((issue) => ({ ...issue, path: [...where, ...issue.path] })));
      }
      throw error;
    }
    await checkSchemaNames(query.parameters, values, where.join('.'));
    const scope = resultScope(query, parameters);
    const skip = page.cursor === undefined ? 0 : resultCursors.decode(page.cursor, scope);
    await resolveNodeParameters(query.parameters, values, where.join('.'));
    const limit = Math.min(page.limit ?? runner.maxRows, runner.maxRows);
    const result = await runner.run(await catalog.identity(), query.query, values, { skip, limit });
    if (!result.meta.truncated) return result;
    return { ...result, next: resultCursors.encode(skip + result.rows.length, scope) };
  }

  api.add({
    method: 'get',
    path: '/queries',
    tag: 'Saved queries',
    permission: 'read',
    summary: 'Shipped and users’ saved queries',
    response: savedQueriesResponseSchema,
    description:
      'Shipped queries written for the default dataset are listed only where the labels and relationship ' +
      'types they need exist; the generic ones work on any database.',
    handler: async () => {
      const { labels, relationshipTypes } = await catalog.current();
      const present = new Set([...labels, ...relationshipTypes].map((entry) => entry.name));
      const runnable = [...shipped.values()].filter((query) =>
        [...(query.requires?.labels ?? []), ...(query.requires?.relationshipTypes ?? [])].every((name) =>
          present.has(name),
        ),
      );
      return { queries: [...runnable, ...(await users.list())].map(summary) };
    },
  });

  api.add({
    method: 'get',
    path: '/queries/:id',
    tag: 'Saved queries',
    permission: 'read',
    summary: 'One saved query with its Cypher',
    params: z.object({ id: z.string() }),
    response: savedQuerySchema,
    errors: [404],
    handler: async ({ params }) => find(params.id),
  });

  api.add({
    method: 'post',
    path: '/queries/:id/run',
    tag: 'Saved queries',
    permission: 'read',
    summary: 'Run a saved query with parameters',
    description:
      'Parameters are checked against the declared types; a wrong one is a 400 naming it. The queries that ship ' +
      'with Entente are reads the explorer itself makes (any reader may run them); a query a user saved needs ' +
      'the `query` scope, as the console does. Paged: a result longer than `limit` (default and at most ' +
      'CYPHER_MAX_ROWS) answers its first rows and `next`; pass it back as `cursor` with the same parameters ' +
      'for the rows after them. Pages follow the query’s row order (give it an ORDER BY): a walk returns each ' +
      'row once while the graph is unchanged.',
    params: z.object({ id: z.string() }),
    query: runQuery,
    body: runBody,
    response: pagedResultSchema,
    errors: [403, 404, 413, 429, 504],
    guards: [rateLimit],
    handler: async ({ params, query, body, res }) =>
      run(params.id, body.params, callerOf(res), ['body', 'params'], query),
  });

  api.add({
    method: 'post',
    path: '/queries',
    tag: 'Saved queries',
    permission: 'write:queries',
    summary: 'Save a query of your own',
    body: createBody,
    status: 201,
    response: savedQuerySchema,
    errors: [409],
    handler: async ({ body: { id, ...fields }, res }) => {
      refuseShipped(id);
      await checkFields(fields);
      const created = await users.create(callerOf(res), id, fields);
      if (!created) throw new ProblemError(409, 'exists', 'Already exists', `A saved query "${id}" already exists.`);
      return created;
    },
  });

  api.add({
    method: 'put',
    path: '/queries/:id',
    tag: 'Saved queries',
    permission: 'write:queries',
    summary: 'Change one of your saved queries (current version)',
    description:
      'A `version` other than the current one is a 409: reload, then apply your change again. Only the ' +
      'query’s owner or an admin may change it (403).',
    params: z.object({ id: z.string() }),
    body: updateBody,
    response: savedQuerySchema,
    errors: [404, 409],
    handler: async ({ params, body: { version, ...fields }, res }) => {
      refuseShipped(params.id);
      await checkFields(fields);
      return users.update(callerOf(res), params.id, version, fields);
    },
  });

  api.add({
    method: 'delete',
    path: '/queries/:id',
    tag: 'Saved queries',
    permission: 'write:queries',
    summary: 'Delete one of your saved queries (current version)',
    params: z.object({ id: z.string() }),
    query: z.strictObject({ version: queryInteger(1, 1_000_000_000) }),
    response: z.object({ deleted: z.literal(true) }),
    errors: [404, 409],
    handler: async ({ params, query, res }) => {
      refuseShipped(params.id);
      await users.delete(callerOf(res), params.id, query.version);
      return { deleted: true as const };
    },
  });

  return { run };
}
