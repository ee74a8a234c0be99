import { z, ZodError } from 'zod';
import type { Config } from '../config.js';
import type { ConsoleRunner } from '../console/console.pool.js';
import type { Catalog } from '../graph/catalog.js';
import {
  apiResultSchema,
  queryParameterSchema,
  savedQueriesResponseSchema,
  savedQuerySchema,
  type QueryParameter,
} from '../graph/graph.schemas.js';
import { perClientRateLimit, requireToken } from '../http/guards.js';
import { ProblemError } from '../http/problem.js';
import { cypherParameters, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
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

const createBody = fieldsSchema.extend({ id: queryId });
const version = z.number().int().min(1).max(1_000_000_000);
const updateBody = fieldsSchema.extend({ version });

function summary({ query: _query, requires: _requires, ...rest }: SavedQuery) {
  return rest;
}

export function queryRoutes(
  api: ApiRoutes,
  db: Database,
  catalog: Catalog,
  runner: ConsoleRunner,
  config: Config['api'],
) {
  const shipped = loadShippedQueries();
  const users = new UserQueryStore(db);
  const writeGuards = [requireToken(config.token)];

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
  async function checkSchemaNames(parameters: QueryParameter[], values: Record<string, unknown>) {
    for (const parameter of parameters) {
      const value = values[parameter.name];
      if (typeof value !== 'string') continue;
      const where = `body.params.${parameter.name}`;
      if (parameter.type === 'label') await catalog.requireLabels([value], where);
      if (parameter.type === 'relationshipType') await catalog.requireRelationshipTypes([value], where);
      if (parameter.type === 'propertyKey') await catalog.requirePropertyKeys([value], where);
    }
  }

  /** Node parameters name nodes by API id; the query gets each node's elementId, whatever its ids are. */
  async function resolveNodeParameters(parameters: QueryParameter[], values: Record<string, unknown>) {
    const nodeParameters = parameters.filter((parameter) => parameter.type === 'nodeId');
    const ids = nodeParameters.map((parameter) => String(values[parameter.name]));
    const found = await resolveNodes(db, catalog, ids);
    for (const parameter of nodeParameters) {
      const id = String(values[parameter.name]);
      const node = found.get(id);
      if (!node) {
        throw ProblemError.badRequest(`body.params.${parameter.name}: no node has the id "${id}"`, [
          { location: `body.params.${parameter.name}`, message: `no node has the id "${id}"` },
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

  api.add({
    method: 'get',
    path: '/queries',
    tag: 'Saved queries',
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
    summary: 'Run a saved query with parameters',
    description: 'Parameters are checked against the declared types; a wrong one is a 400 naming it.',
    params: z.object({ id: z.string() }),
    body: z.strictObject({ params: cypherParameters }),
    response: apiResultSchema,
    errors: [403, 404, 413, 429, 504],
    guards: [perClientRateLimit(config.cypher.ratePerMinute)],
    handler: async ({ params, body }) => {
      const query = await find(params.id);
      let values: Record<string, unknown>;
      try {
        values = parseRunParameters(query, body.params);
      } catch (error) {
        if (error instanceof ZodError) {
          throw new ZodError(error.issues.map((issue) => ({ ...issue, path: ['body', 'params', ...issue.path] })));
        }
        throw error;
      }
      await checkSchemaNames(query.parameters, values);
      await resolveNodeParameters(query.parameters, values);
      return runner.run(await catalog.identity(), query.query, values);
    },
  });

  api.add({
    method: 'post',
    path: '/queries',
    tag: 'Saved queries',
    summary: 'Save a query of your own (bearer token)',
    body: createBody,
    status: 201,
    response: savedQuerySchema,
    errors: [401, 403, 409],
    guards: writeGuards,
    bearerToken: true,
    handler: async ({ body: { id, ...fields } }) => {
      refuseShipped(id);
      await checkFields(fields);
      const created = await users.create(id, fields);
      if (!created) throw new ProblemError(409, 'exists', 'Already exists', `A saved query "${id}" already exists.`);
      return created;
    },
  });

  api.add({
    method: 'put',
    path: '/queries/:id',
    tag: 'Saved queries',
    summary: 'Change one of your saved queries (bearer token, current version)',
    description: 'A `version` other than the current one is a 409: reload, then apply your change again.',
    params: z.object({ id: z.string() }),
    body: updateBody,
    response: savedQuerySchema,
    errors: [401, 403, 404, 409],
    guards: writeGuards,
    bearerToken: true,
    handler: async ({ params, body: { version, ...fields } }) => {
      refuseShipped(params.id);
      await checkFields(fields);
      const updated = await users.update(params.id, version, fields);
      if (updated) return updated;
      const current = await find(params.id);
      throw new ProblemError(
        409,
        'stale-version',
        'Stale version',
        `"${params.id}" is at version ${current.version}, not ${version}.`,
      );
    },
  });

  api.add({
    method: 'delete',
    path: '/queries/:id',
    tag: 'Saved queries',
    summary: 'Delete one of your saved queries (bearer token, current version)',
    params: z.object({ id: z.string() }),
    query: z.strictObject({ version: queryInteger(1, 1_000_000_000) }),
    response: z.object({ deleted: z.literal(true) }),
    errors: [401, 403, 404, 409],
    guards: writeGuards,
    bearerToken: true,
    handler: async ({ params, query }) => {
      refuseShipped(params.id);
      if (await users.delete(params.id, query.version)) return { deleted: true as const };
      const current = await find(params.id);
      throw new ProblemError(
        409,
        'stale-version',
        'Stale version',
        `"${params.id}" is at version ${current.version}, not ${query.version}.`,
      );
    },
  });
}
