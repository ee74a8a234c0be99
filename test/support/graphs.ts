import type { Database } from '../../server/neo4j/database.js';
import { escapeName } from '../../server/neo4j/names.js';

/**
 * Empties the run's database, its constraints and indexes included, in batches (the embedded database caps
 * one transaction's memory). Test files that need the default dataset load it again in their beforeAll.
 */
export async function emptyDatabase(db: Database): Promise<void> {
  for (;;) {
    const { records } = await db.write('MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted');
    if (Number(records[0]!.get('deleted')) === 0) break;
  }
  const constraints = await db.read('SHOW CONSTRAINTS YIELD name RETURN name');
  for (const record of constraints.records) await db.write(`DROP CONSTRAINT ${escapeName(record.get('name'))}`);
  const indexes = await db.read("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name");
  for (const record of indexes.records) await db.write(`DROP INDEX ${escapeName(record.get('name'))}`);
}

/** Replaces the database's content with a graph written as Cypher statements (run in order). */
export async function loadGraph(db: Database, statements: string[]): Promise<void> {
  await emptyDatabase(db);
  for (const statement of statements) await db.write(statement);
}
