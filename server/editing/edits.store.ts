import type { Caller } from '../accounts/caller.js';
import type { Edit } from '../graph/editing.schemas.js';
import { loadSql, type Queryable } from '../store/store.js';

const sql = loadSql(
  'edits/lock',
  'edits/next-id',
  'edits/record-with-id',
  'edits/history',
  'edits/get',
  'edits/dependents',
  'edits/mark-reverted',
  'edits/rekey',
  'edits/next-merge-id',
  'edits/merge-create',
  'edits/merge-get',
  'edits/merge-undone',
);

export type TargetKind = 'node' | 'relationship';

export interface EditRow extends Record<string, unknown> {
  id: string;
  at: Date;
  actor_kind: string;
  actor_name: string;
  action: string;
  target_kind: TargetKind;
  target_key: string;
  /** Entente's own id of the target (`_entente_id`; an elementId for rows older than migration 005). */
  target_uid: string;
  target_id: string;
  touches: string[];
  version: number;
  before: unknown;
  after: unknown;
  claim: string;
  sources: { id: string }[];
  reverts: string | null;
  reverted_by: string | null;
  merge_id: string | null;
}

export interface NewEdit {
  id: number;
  action: string;
  targetKind: TargetKind;
  /** The target's elementId now: where a revert finds it. */
  targetKey: string;
  /** Its `_entente_id`: what edits name it by. */
  targetUid: string;
  targetId: string;
  /** The `_entente_id`s of every entity the edit made or changed: what a later edit may depend on. */
  touches: string[];
  version: number;
  before?: unknown;
  after?: unknown;
  claim: string;
  /** The sources as cited (each with the id it is known by, and what was given). */
  sources: { id: string }[];
  reverts?: number;
  mergeId?: number;
  /** The edit the target's `_entente_lastEdit` named before (null: new, or never edited). */
  previous: number | null;
}

/** Waits for, then holds until the transaction ends, the right to write these graph entities. */
export async function lockEntities(tx: Queryable, keys: string[]): Promise<void> {
  // Always in the same order, so two writers of the same pair never wait for each other.
  for (const key of [...new Set(keys)].sort()) await tx.rows(sql['edits/lock'], [key]);
}

/** The id the next edit gets, reserved before the graph is written (the graph names its last edit). */
export async function nextEditId(tx: Queryable): Promise<number> {
  const [row] = await tx.rows<{ id: string }>(sql['edits/next-id']);
  return Number(row!.id);
}

export async function recordEdit(tx: Queryable, caller: Caller, edit: NewEdit): Promise<void> {
  await tx.rows(sql['edits/record-with-id'], [
    edit.id,
    caller.kind,
    caller.userId ?? null,
    caller.name,
    edit.action,
    edit.targetKind,
    edit.targetKey,
    edit.targetId,
    edit.touches,
    edit.version,
    edit.before === undefined ? null : JSON.stringify(edit.before),
    edit.after === undefined ? null : JSON.stringify(edit.after),
    edit.claim,
    JSON.stringify(edit.sources),
    edit.reverts ?? null,
    edit.mergeId ?? null,
    edit.previous,
    edit.targetUid,
  ]);
}

export function toEdit(row: EditRow): Edit {
  return {
    id: Number(row.id),
    at: row.at.toISOString(),
    actor: row.actor_name,
    action: row.action,
    target: { kind: row.target_kind, id: row.target_id },
    version: row.version,
    before: row.before,
    after: row.after,
    claim: row.claim,
    sources: row.sources.map((source) => source.id),
    reverts: row.reverts === null ? null : Number(row.reverts),
    revertedBy: row.reverted_by === null ? null : Number(row.reverted_by),
    mergeId: row.merge_id === null ? null : Number(row.merge_id),
  };
}

/**
 * An entity's edits, newest first: the chain from its last edit (`_entente_lastEdit`), or, once it is gone
 * (`lastEdit` undefined), the edits of the API id it had.
 */
export async function history(
  db: Queryable,
  kind: TargetKind,
  lastEdit: number | null | undefined,
  id: string,
  limit = 200,
): Promise<Edit[]> {
  const gone = lastEdit === undefined;
  const rows = await db.rows<EditRow>(sql['edits/history'], [
    gone ? null : (lastEdit ?? -1),
    gone ? id : null,
    kind,
    limit,
  ]);
  return rows.map(toEdit);
}

/** One edit, locked until the transaction ends. */
export async function lockedEdit(tx: Queryable, id: number): Promise<EditRow | undefined> {
  const [row] = await tx.rows<EditRow>(sql['edits/get'], [id]);
  return row;
}

/** Later edits that still stand on what edit `id` made to `uids` (`_entente_id`s). */
export async function dependents(tx: Queryable, id: number, uids: string[]) {
  return tx.rows<{ id: string; action: string; target_id: string; actor_name: string; at: Date }>(
    sql['edits/dependents'],
    [id, uids],
  );
}

export async function markReverted(tx: Queryable, id: number, by: number): Promise<void> {
  await tx.rows(sql['edits/mark-reverted'], [id, by]);
}

/** An entity made again (its `_entente_id` is `uid`) has a new elementId: its edits find it there. */
export async function rekey(tx: Queryable, uid: string, to: string): Promise<void> {
  await tx.rows(sql['edits/rekey'], [uid, to]);
}

export interface MergeRow extends Record<string, unknown> {
  id: string;
  keep_key: string;
  keep_id: string;
  merge_id: string;
  snapshot: unknown;
  edit_id: string;
  undone_at: Date | null;
}

export async function nextMergeId(tx: Queryable): Promise<number> {
  const [row] = await tx.rows<{ id: string }>(sql['edits/next-merge-id']);
  return Number(row!.id);
}

export async function createMerge(
  tx: Queryable,
  caller: Caller,
  merge: { id: number; keepKey: string; keepId: string; mergeId: string; snapshot: unknown; editId: number },
): Promise<number> {
  const [row] = await tx.rows<{ id: string }>(sql['edits/merge-create'], [
    merge.id,
    caller.name,
    merge.keepKey,
    merge.keepId,
    merge.mergeId,
    JSON.stringify(merge.snapshot),
    merge.editId,
  ]);
  return Number(row!.id);
}

export async function lockedMerge(tx: Queryable, id: number): Promise<MergeRow | undefined> {
  const [row] = await tx.rows<MergeRow>(sql['edits/merge-get'], [id]);
  return row;
}

export async function markMergeUndone(tx: Queryable, id: number): Promise<void> {
  await tx.rows(sql['edits/merge-undone'], [id]);
}
