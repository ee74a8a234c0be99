import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import type { Database } from '../../server/neo4j/database.js';
import type { Store } from '../../server/store/store.js';
import { testStore } from './store.js';

/** The real Express app on a given database and store, configured from `env` as the server would be. */
export function testApp(db: Database, env: NodeJS.ProcessEnv = {}, store: Store = testStore()): Express {
  const config = loadConfig(env);
  return createApp({ db, store, logger: createLogger('silent'), api: config.api, auth: config.auth });
}
