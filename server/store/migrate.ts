import { loadSql, migrationFiles, type Store } from './store.js';

const sql = loadSql(
  'store/migrations-table',
  'store/migrations-lock',
  'store/migrations-applied',
  'store/migration-record',
);

/**
 * Brings the store's schema to the newest version at start-up, all pending migrations in one transaction
 * under an advisory lock, so several instances starting together migrate once.
 */
export async function migrate(store: Store): Promise<string[]> {
  return store.transaction(async (tx) => {
    await tx.rows(sql['store/migrations-lock']);
    await tx.rows(sql['store/migrations-table']);
    const applied = new Set(
      (await tx.rows<{ version: number }>(sql['store/migrations-applied'])).map((row) => row.version),
    );
    const done: string[] = [];
    for (const migration of migrationFiles()) {
      if (applied.has(migration.version)) continue;
      await tx.rows(migration.sql);
      await tx.rows(sql['store/migration-record'], [migration.version, migration.name]);
      done.push(migration.name);
    }
    return done;
  });
}
