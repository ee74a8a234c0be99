import { inject } from 'vitest';
import { Database } from '../../server/neo4j/database.js';

/** A connection to the run's real Neo4j (see global-setup.ts); close it in afterAll. */
export function connectTestDatabase(): Database {
  return new Database(inject('neo4j'));
}
