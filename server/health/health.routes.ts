import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { Router } from 'express';
import { z } from 'zod';
import { problemSchema } from '../graph/graph.schemas.js';
import type { Database } from '../neo4j/database.js';
import { ProblemError } from '../http/problem.js';
import type { Permission } from '../accounts/roles.js';
import { readServerInfo } from './health.queries.js';

export const healthSchema = z.object({
  status: z.literal('ok'),
  neo4j: z.object({ version: z.string(), edition: z.string() }),
});

/** Health in the OpenAPI document, like the routes declared with ApiRoutes. */
export function registerHealthDocs(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/health',
    summary: 'Whether the API and its database answer',
    description: 'A 503 while Neo4j does not answer; the API recovers by itself when it is back.',
    tags: ['Health'],
    // Served before callers are identified: orchestrators probe it without credentials.
    'x-entente-permission': 'public' satisfies Permission,
    responses: {
      200: { description: 'Success', content: { 'application/json': { schema: healthSchema } } },
      405: { description: 'Method not allowed', content: { 'application/problem+json': { schema: problemSchema } } },
      503: {
        description: 'Database unavailable',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    },
  });
}

/** Answers 405 with an `Allow` header for any method a path does not serve. */
export function onlyMethods(allow: string[]) {
  return (req: { method: string }, res: { set(name: string, value: string): unknown }) => {
    res.set('Allow', allow.join(', '));
    throw new ProblemError(
      405,
      'method-not-allowed',
      'Method not allowed',
      `${req.method} is not allowed on this route; allowed: ${allow.join(', ')}.`,
    );
  };
}

export function healthRoutes(db: Database): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    try {
      const neo4j = await readServerInfo(db);
      res.json({ status: 'ok', neo4j });
    } catch {
      // Whatever the cause, health reports the database as down rather than the API as broken.
      throw ProblemError.unavailable('Neo4j is not answering; the API will recover when it is back.');
    }
  });
  router.all('/health', onlyMethods(['GET', 'HEAD']));
  return router;
}
