import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { createLogger } from '../../server/logger.js';
import type { Database } from '../../server/neo4j/database.js';

/** The real Express app on a given database, configured from `env` as the server would be. */
export function testApp(db: Database, env: NodeJS.ProcessEnv = {}): Express {
  return createApp({ db, logger: createLogger('silent'), api: loadConfig(env).api });
}
