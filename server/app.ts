import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pinoHttp } from 'pino-http';
import { projectRoot } from './config.js';
import { healthRoutes } from './health/health.routes.js';
import { apiNotFound, problemHandler } from './http/problem.js';
import type { Logger } from './logger.js';
import type { Database } from './neo4j/database.js';

export interface AppDependencies {
  db: Database;
  logger: Logger;
}

const clientDist = path.join(projectRoot, 'client/dist');

/** Builds the HTTP application; `index.ts` listens, tests call this with port 0. */
export function createApp({ db, logger }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(
    pinoHttp({
      logger,
      customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );
  app.use(express.json({ limit: '1mb' }));

  const api = express.Router();
  api.use(healthRoutes(db));
  api.use(apiNotFound);
  app.use('/api', api);

  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
  }
  app.use(problemHandler(logger));
  return app;
}
