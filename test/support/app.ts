import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import type { Database } from '../../server/neo4j/database.js';
import type { Store } from '../../server/store/store.js';
import { testStore } from './store.js';

/**
 * The real Express app on a given database and store, configured from `env` as the server would be. Each
 * app counts rate limits and failed sign-ins apart, as its own deployment would: the run's apps share one store.
 */
export function testApp(db: Database, env: NodeJS.ProcessEnv = {}, store: Store = testStore()): Express {
  const config = loadConfig(env);
  const counterNamespace = `app-${randomUUID()}:`;
  return createApp({ db, store, logger: createLogger('silent'), api: config.api, auth: config.auth, counterNamespace });
}
