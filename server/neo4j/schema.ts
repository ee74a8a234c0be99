import { loadCypher, splitStatements } from './cypher.js';
import type { Database } from './database.js';

const cypher = loadCypher('schema/constraints');

/** Creates the constraints and indexes the default dataset relies on; safe to run at every start. */
export async function applySchema(db: Database): Promise<void> {
  for (const statement of splitStatements(cypher['schema/constraints'])) {
    await db.write(statement);
  }
}
