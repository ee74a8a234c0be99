import { z } from 'zod';
import { audit } from '../audit/audit.queries.js';
import { systemCaller } from '../accounts/caller.js';
import { loadSql, type Store } from './store.js';

const sql = loadSql(
  'backup/export',
  'backup/is-empty',
  'backup/restore-users',
  'backup/restore-sessions',
  'backup/restore-api-keys',
  'backup/restore-settings',
  'backup/restore-saved-queries',
  'backup/restore-investigations',
  'backup/restore-investigation-versions',
  'backup/restore-investigation-shares',
  'backup/restore-annotations',
  'backup/restore-audit-log',
  'backup/restore-audit-sequence',
  'backup/restore-graph-edits',
  'backup/restore-graph-merges',
  'backup/restore-graph-sequences',
  'backup/restore-imports',
  'backup/restore-import-changes',
  'backup/restore-import-changes-sequence',
  'backup/restore-import-mappings',
);

const backupSchema = z.object({
  format: z.literal('entente-store-backup', { error: 'is not an Entente store backup' }),
  schemaVersion: z.number().int(),
  takenAt: z.string(),
  users: z.array(z.unknown()),
  sessions: z.array(z.unknown()),
  apiKeys: z.array(z.unknown()),
  settings: z.array(z.unknown()),
  savedQueries: z.array(z.unknown()),
  // Absent from backups taken before investigations existed.
  investigations: z.array(z.unknown()).default([]),
  investigationVersions: z.array(z.unknown()).default([]),
  investigationShares: z.array(z.unknown()).default([]),
  annotations: z.array(z.unknown()).default([]),
  auditLog: z.array(z.unknown()),
  // Absent from backups taken before edits existed (schema 1).
  graphEdits: z.array(z.unknown()).default([]),
  graphMerges: z.array(z.unknown()).default([]),
  // Import jobs and what each overwrote (backups taken before imports existed have none).
  imports: z.array(z.unknown()).default([]),
  importChanges: z.array(z.unknown()).default([]),
  // Mappings saved for reuse (absent from backups taken before schema 6).
  importMappings: z.array(z.unknown()).default([]),
});
export type Backup = z.infer<typeof backupSchema>;

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

/** A consistent copy of the store (one snapshot), as JSON: users, sessions, keys, settings, queries, investigations, audit. */
export async function backupStore(store: Store): Promise<Backup> {
  return store.transaction(async (tx) => {
    const [row] = await tx.rows<{ backup: Backup }>(sql['backup/export']);
    return row!.backup;
  }, 'REPEATABLE READ READ ONLY');
}

/**
 * Restores a backup into an empty, migrated store in one transaction: all of it or, on any error, nothing.
 * Refuses a store that already holds users, queries or audit entries, and a backup from a newer schema.
 */
export async function restoreStore(store: Store, input: unknown): Promise<Record<string, number>> {
  const parsed = backupSchema.safeParse(input);
  if (!parsed.success) throw new RestoreRefused(`Not a backup: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
  const backup = parsed.data;
  return store.transaction(async (tx) => {
    const [state] = await tx.rows<{ empty: boolean; schema_version: number }>(sql['backup/is-empty']);
    if (!state!.empty) throw new RestoreRefused('The store is not empty: restore only into a new store.');
    if (backup.schemaVersion > state!.schema_version) {
      throw new RestoreRefused(
        `The backup is of schema ${backup.schemaVersion}, newer than this Entente's ${state!.schema_version}; upgrade first.`,
      );
    }
    const steps: [keyof Backup, keyof typeof sql][] = [
      ['users', 'backup/restore-users'],
      ['sessions', 'backup/restore-sessions'],
      ['apiKeys', 'backup/restore-api-keys'],
      ['settings', 'backup/restore-settings'],
      ['savedQueries', 'backup/restore-saved-queries'],
      ['investigations', 'backup/restore-investigations'],
      ['investigationVersions', 'backup/restore-investigation-versions'],
      ['investigationShares', 'backup/restore-investigation-shares'],
      ['annotations', 'backup/restore-annotations'],
      ['auditLog', 'backup/restore-audit-log'],
      ['graphEdits', 'backup/restore-graph-edits'],
      ['graphMerges', 'backup/restore-graph-merges'],
      ['imports', 'backup/restore-imports'],
      ['importChanges', 'backup/restore-import-changes'],
      ['importMappings', 'backup/restore-import-mappings'],
    ];
    const counts: Record<string, number> = {};
    for (const [part, statement] of steps) {
      await tx.rows(sql[statement], [JSON.stringify(backup[part])]);
      counts[part] = (backup[part] as unknown[]).length;
    }
    await tx.rows(sql['backup/restore-audit-sequence']);
    await tx.rows(sql['backup/restore-graph-sequences']);
    await tx.rows(sql['backup/restore-import-changes-sequence']);
    await audit(tx, systemCaller, {
      action: 'store.restore',
      targetType: 'store',
      after: { takenAt: backup.takenAt, counts },
    });
    return counts;
  });
}
