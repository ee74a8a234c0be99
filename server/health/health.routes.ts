import { Router } from 'express';
import type { Database } from '../neo4j/database.js';
import { ProblemError } from '../http/problem.js';
import { readServerInfo } from './health.queries.js';

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
  return router;
}
