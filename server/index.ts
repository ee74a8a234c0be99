import { isRetryableError, Neo4jError } from 'neo4j-driver';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { systemCaller } from './accounts/caller.js';
import { Users } from './accounts/users.js';
import { createApp, createConsoleRunner } from './app.js';
import { attachClientErrorHandler } from './http/problem.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { Database } from './neo4j/database.js';
import { EmbeddedStartError } from './neo4j/embedded.js';
import { provisionNeo4j, type ProvisionedNeo4j } from './neo4j/provision.js';
import { ensureSearchIndex } from './search/search.index.js';
import { SeedValidationError } from './seed/dataset.js';
import { warmUp, warmUpApp } from './warm-up.js';
import { embeddedEvents } from './embedded-events.js';
import { prepareDatabase } from './seed/prepare.js';
import { migrateGraphSavedQueries } from './queries/queries.store.js';
import { migrate } from './store/migrate.js';
import { provisionStore, StoreStartError, type ProvisionedStore } from './store/provision.js';
import { Store } from './store/store.js';

const retryPreparationMs = 5_000;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function listen(app: ReturnType<typeof createApp>, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.http.port, config.http.host, () => resolve(server));
    server.once('error', reject);
  });
}

/** Where this process can reach itself: loopback when it listens on every address, else its own address. */
function ownUrl({ address, family, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://127.0.0.1:${port}`;
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}

/**
 * Applies the schema, loads the default dataset into an empty database and gives search its index; while
 * the database is down, keeps trying.
 */
async function prepareWhenReachable(db: Database, store: Store, config: Config, logger: Logger): Promise<void> {
  for (;;) {
    try {
      await migrateGraphSavedQueries(db, store, systemCaller, logger);
      await prepareDatabase(db, { seedIfEmpty: config.seedOnStart }, logger);
      await ensureSearchIndex(db, config.searchIndex, logger);
      return;
    } catch (error) {
      // Only an unreachable database is worth waiting for; bad seed files or a refused write are not.
      if (!(error instanceof Neo4jError && isRetryableError(error))) throw error;
      logger.warn({ err: error }, `Database not ready; retrying in ${retryPreparationMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, retryPreparationMs).unref());
    }
  }
}

/** Says which mode Entente runs in and, on a first start with accounts, how the first admin signs in. */
async function announceAccounts(store: Store, config: Config, logger: Logger): Promise<void> {
  if (!config.auth.enabled) {
    logger.info(
      'Single-user mode: accounts are off and every caller on this machine is its admin (ENTENTE_AUTH=on to change)',
    );
    return;
  }
  const first = await new Users(store).ensureFirstAdmin(config.auth.adminPassword);
  if (first?.linkToken) {
    const site = config.auth.publicUrl ?? `http://localhost:${config.http.port}`;
    console.error(
      `First start with accounts: sign in once as admin at ${site}/sign-in#link=${first.linkToken} (valid 24 h), then set a password.`,
    );
  } else if (first) {
    logger.info('Created the first admin, "admin", with ENTENTE_ADMIN_PASSWORD');
  }
}

async function main() {
  const startedAt = performance.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const logger = createLogger(config.logLevel);

  let neo4j: ProvisionedNeo4j;
  /** Where this process serves, once it does: restarts of the database warm it up through it. */
  let servingUrl: string | undefined;
  /** Stops serving and exits, once serving has begun. */
  const serving: { stop?: (reason: string, code: number) => Promise<void> } = {};
  try {
    neo4j = await provisionNeo4j(config, {
      events: embeddedEvents(logger, {
        restarted: () => {
          if (servingUrl) void warmUp(servingUrl).then((report) => logger.info(report, 'Warmed the database up'));
        },
        exit: (code) => {
          if (serving.stop) void serving.stop('embedded Neo4j gave up', code);
          else process.exit(code);
        },
      }),
    });
  } catch (error) {
    if (error instanceof EmbeddedStartError) fail(error.message);
    throw error;
  }
  const db = new Database(neo4j.connection);
  logger.info({ origin: neo4j.origin, uri: neo4j.connection.uri, log: neo4j.logFile }, 'Neo4j is up');

  let provisionedStore: ProvisionedStore;
  try {
    provisionedStore = await provisionStore(config.store, (message) => logger.warn({ store: message }, 'PostgreSQL'));
  } catch (error) {
    await neo4j.stop();
    if (error instanceof StoreStartError) fail(error.message);
    throw error;
  }
  const store = new Store(provisionedStore.url);
  const migrations = await migrate(store);
  logger.info({ origin: provisionedStore.origin, migrations }, 'Entente’s store is up');
  await announceAccounts(store, config, logger);

  const consoleRunner = createConsoleRunner(db, config.api.cypher);
  let server: Server;
  try {
    const preparing = prepareWhenReachable(db, store, config, logger);
    const app = createApp({ db, store, logger, api: config.api, auth: config.auth, consoleRunner });
    const warmingUp = async () => logger.info(await warmUpApp(app), 'Warmed the database up');
    // A configured database may be down: serve (health says 503), then prepare and warm it up once it answers.
    if (neo4j.origin !== 'configured') {
      await preparing;
      await warmingUp();
    } else {
      preparing
        .then(warmingUp)
        .catch((error) => logger.error({ err: error }, 'Could not prepare or warm up the database'));
    }
    server = await listen(app, config);
    attachClientErrorHandler(server);
    servingUrl = ownUrl(server.address() as AddressInfo);
  } catch (error) {
    await db.close();
    await store.close();
    await provisionedStore.stop();
    await neo4j.stop();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`Port ${config.http.port} is already in use; set PORT to another port.`);
    if (error instanceof SeedValidationError) fail(error.message);
    throw error;
  }

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const host = config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1' ? 'localhost' : config.http.host;
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  logger.info({ url: `http://${host}:${port}`, startupSeconds: Number(seconds) }, 'Entente is serving');
  console.error(`Entente is serving on http://${host}:${port} (started in ${seconds} s; Ctrl-C stops it)`);

  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping');
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await consoleRunner.close();
    await db.close();
    await store.close();
    await provisionedStore.stop();
    await neo4j.stop();
    process.exit(code);
  };
  serving.stop = shutdown;
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

await main();
