import type { Logger } from '../logger.js';
import type { Database } from '../neo4j/database.js';
import { applySchema } from '../neo4j/schema.js';

export interface PrepareOptions {
  seedIfEmpty: boolean;
}

/** Everything a database needs before Entente serves it: the schema, then (if empty) the default dataset. */
export async function prepareDatabase(db: Database, _options: PrepareOptions, logger: Logger): Promise<void> {
  await applySchema(db);
  logger.info('Schema applied');
}
