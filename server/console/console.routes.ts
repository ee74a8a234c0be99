import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Catalog } from '../graph/catalog.js';
import { apiResultSchema } from '../graph/graph.schemas.js';
import { cypherParameters, type ApiRoutes } from '../http/route.js';
import type { ConsoleRunner } from './console.pool.js';
import { maxNesting } from './read-only.js';

export const cypherBody = z
  .strictObject({
    query: z.string().trim().min(1, 'must not be empty').max(20_000),
    params: cypherParameters,
  })
  .openapi({ example: { query: 'MATCH (n) RETURN count(n) AS nodes', params: {} } });

export function consoleRoutes(
  api: ApiRoutes,
  runner: ConsoleRunner,
  catalog: Catalog,
  limits: Config['api']['cypher'],
  /** The request budget the console shares with saved-query runs. */
  rateLimit: RequestHandler,
) {
  api.add({
    method: 'post',
    path: '/cypher',
    tag: 'Cypher',
    permission: 'query',
    summary: 'Run a read-only Cypher statement',
    description:
      'The statement is planned first and refused (403) unless it is a pure read without file access, ' +
      'administration commands or procedures outside an allow-list; it then runs in a READ transaction ' +
      `with a timeout (${limits.timeoutMs} ms), a row cap (${limits.maxRows}, see meta.truncated) and a cap on ` +
      `the values of the whole result (${limits.maxValues}: 413 beyond it). Statements nested more than ${maxNesting} ` +
      'brackets deep are refused (400). Syntax errors are 400 problems with a `position` { line, column, offset }.',
    body: cypherBody,
    response: apiResultSchema,
    errors: [403, 413, 429, 504],
    guards: [rateLimit],
    handler: async ({ body }) => runner.run(await catalog.identity(), body.query, body.params),
  });
}
