import cookieParser from 'cookie-parser';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pinoHttp } from 'pino-http';
import { accountRoutes } from './accounts/accounts.routes.js';
import { analyticsRoutes } from './analytics/analytics.routes.js';
import { createAccounts } from './accounts/accounts.js';
import { OidcSignIn } from './accounts/oidc.js';
import { projectRoot, type Config } from './config.js';
import { ConsoleRunner } from './console/console.pool.js';
import { changesRoutes } from './changes/changes.routes.js';
import { consoleRoutes } from './console/console.routes.js';
import { disagreementRoutes } from './disagreements/disagreements.routes.js';
import { exportRoutes } from './export/export.routes.js';
import { Editing } from './editing/editing.js';
import { editingRoutes } from './editing/editing.routes.js';
import { Catalog } from './graph/catalog.js';
import { healthRoutes } from './health/health.routes.js';
import { investigationRoutes } from './investigations/investigations.routes.js';
import { ImportJobs } from './imports/imports.jobs.js';
import { importRoutes } from './imports/imports.routes.js';
import { importMappingRoutes } from './imports/mappings.routes.js';
import { apiNotFound, problemHandler } from './http/problem.js';
import { ApiRoutes } from './http/route.js';
import type { Logger } from './logger.js';
import type { Database } from './neo4j/database.js';
import { nodeRoutes } from './nodes/nodes.routes.js';
import { openApiDocument, openApiRoutes } from './openapi/openapi.routes.js';
import { pathRoutes } from './paths/paths.routes.js';
import { queryRoutes } from './queries/queries.routes.js';
import { relationshipRoutes } from './relationships/relationships.routes.js';
import { schemaRoutes } from './schema/schema.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { perCallerRateLimit } from './http/guards.js';
import type { Store } from './store/store.js';
import { subgraphRoutes } from './subgraph/subgraph.routes.js';

export interface AppDependencies {
  db: Database;
  /** Entente's own store: accounts, sessions, keys, the audit log, users' saved queries. */
  store: Store;
  logger: Logger;
  api: Config['api'];
  auth: Config['auth'];
  /**
   * Prefix of this app's shared counters (rate limits, sign-in throttling). Every instance of one deployment
   * uses the same (the default); tests give each app its own, as separate deployments on one store.
   */
  counterNamespace?: string;
  /** Runs console statements and saved queries off the event loop; made here unless given (to close it). */
  consoleRunner?: ConsoleRunner;
  /** Import jobs; made here unless given (tests wait for them). */
  importJobs?: ImportJobs;
}

/** Heap of one console worker thread. */
const consoleWorkerHeapMb = 512;

export function createConsoleRunner(db: Database, limits: Config['api']['cypher']): ConsoleRunner {
  return new ConsoleRunner(db.settings, { ...limits, workerHeapMb: consoleWorkerHeapMb });
}

const clientDist = path.join(projectRoot, 'client/dist');

/** Builds the HTTP application; `index.ts` listens, tests call this with port 0. */
export function createApp({
  db,
  store,
  logger,
  api: apiConfig,
  auth,
  counterNamespace,
  consoleRunner,
  importJobs,
}: AppDependencies): Express {
  const runner = consoleRunner ?? createConsoleRunner(db, apiConfig.cypher);
  const accounts = createAccounts(store, auth, apiConfig.corsOrigins, counterNamespace);
  const oidc = auth.oidc && new OidcSignIn(auth.oidc, store, accounts.users);
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // JSON reads get a strong ETag of their own (http/json.ts); Express's weak one would mark problems too.
  app.set('etag', false);
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
  // HSTS only means something over HTTPS (behind a TLS proxy: `req.secure` with trust proxy set).
  app.use(helmet({ strictTransportSecurity: false }));
  // The embeddable read-only view of an investigation is made to be framed by other sites' pages.
  app.use('/embed', helmet.contentSecurityPolicy({ directives: { 'frame-ancestors': ['*'] } }), (_req, res, next) => {
    res.removeHeader('X-Frame-Options');
    next();
  });
  app.use((_req, _res, next) => db.serveWithin(next));
  app.use((req, res, next) => {
    if (req.secure) res.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  });
  // Only the API docs page runs an inline script (Swagger UI's initialiser); the rest of the site none.
  app.use('/api/docs', helmet.contentSecurityPolicy({ directives: { 'script-src': ["'self'", "'unsafe-inline'"] } }));
  app.use('/api', cors({ origin: apiConfig.corsOrigins.length ? apiConfig.corsOrigins : false, credentials: true }));
  app.use(cookieParser());
  // A saved investigation holds up to 20,000 nodes with their positions: its routes take larger bodies.
  app.use('/api/investigations', express.json({ limit: '16mb' }));
  app.use(express.json({ limit: '1mb' }));

  const catalog = new Catalog(db);
  // Graph reads are validated by the graph's version and what the catalog holds, before they run.
  const routes = new ApiRoutes(accounts.access, async () => {
    const [version, catalogNow] = await Promise.all([db.graphVersion(), catalog.fingerprint()]);
    return version === null || catalogNow === null ? null : `${version}|${catalogNow}`;
  });
  // The console and saved-query runs draw on one budget per caller, shared by every instance.
  const cypherBudget = perCallerRateLimit(apiConfig.cypher.ratePerMinute, accounts.counters, 'cypher');
  accountRoutes(routes, accounts, store, oidc, auth.publicUrl);
  schemaRoutes(routes, catalog);
  searchRoutes(routes, db, catalog);
  nodeRoutes(routes, db, catalog, store);
  relationshipRoutes(routes, db, catalog, store);
  pathRoutes(routes, db, catalog);
  changesRoutes(routes, db, catalog);
  disagreementRoutes(routes, db, catalog);
  subgraphRoutes(routes, db, catalog);
  analyticsRoutes(routes, db, catalog);
  const savedQueries = queryRoutes(routes, db, catalog, store, runner, cypherBudget);
  const investigations = investigationRoutes(routes, db, catalog, store, accounts.settings);
  exportRoutes(routes, db, catalog, savedQueries.run, cypherBudget, investigations.nodesOf);
  consoleRoutes(routes, runner, catalog, apiConfig.cypher, cypherBudget);
  editingRoutes(routes, new Editing(db, catalog, store), investigations.store);
  importRoutes(routes, importJobs ?? new ImportJobs(store, db, logger, catalog), importMappingRoutes(routes, store));
  routes.refuseOtherMethods();
  // Kept on the app as well, so the typed client is generated from the very document served (client.cli.ts).
  const openApi = openApiDocument(routes);
  app.locals.openApi = openApi;

  const api = express.Router();
  api.use(healthRoutes(db));
  api.use(openApiRoutes(openApi));
  api.use(accounts.access.identify());
  api.use(routes.router);
  api.use(apiNotFound);
  app.use('/api', api);

  if (existsSync(clientDist)) {
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    app.get('/{*path}', (_req, res) => res.sendFile(path.join(clientDist, 'index.html')));
  }
  app.use(problemHandler(logger));
  return app;
}
