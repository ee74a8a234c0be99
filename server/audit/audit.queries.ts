import { z } from 'zod';
import { loadSql, type Queryable } from '../store/store.js';
import type { Caller } from '../accounts/caller.js';
import { cursorCodec, pageOf } from '../http/cursor.js';

const sql = loadSql('audit/record', 'audit/list');

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit log, inside the caller's transaction: the write and its record are
 * committed together or not at all.
 */
export async function audit(tx: Queryable, caller: Caller, entry: AuditEntry): Promise<void> {
  await tx.rows(sql['audit/record'], [
    caller.kind,
    caller.userId ?? null,
    caller.name,
    entry.action,
    entry.targetType,
    entry.targetId ?? null,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
    caller.client,
  ]);
}

interface AuditRow extends Record<string, unknown> {
  id: string;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before: unknown;
  after: unknown;
  client: string;
}

export interface AuditFilter {
  before?: number;
  /** The `next` of the page before (it names the last entry's id). */
  cursor?: string;
  action?: string;
  actor?: string;
  limit: number;
}

/** The log pages newest first: a position is the last entry's id, within the same filters. */
const cursors = cursorCodec('audit', z.number().int().positive());

export async function listAudit(db: Queryable, filter: AuditFilter) {
  const scope = JSON.stringify([filter.action ?? null, filter.actor ?? null]);
  const after = filter.cursor === undefined ? undefined : cursors.decode(filter.cursor, scope);
  // Both `before` and a cursor: the page starts past the lower of the two.
  const before = Math.min(filter.before ?? Infinity, after ?? Infinity);
  const found = await db.rows<AuditRow>(sql['audit/list'], [
    Number.isFinite(before) ? before : null,
    filter.action ?? null,
    filter.actor ?? null,
    filter.limit + 1,
  ]);
  const { items: rows, next } = pageOf(found, filter.limit, (last) => Number(last.id), cursors, scope);
  const entries = rows.map((row) => ({
    id: Number(row.id),
    at: row.at.toISOString(),
    actor: { kind: row.actor_kind, id: row.actor_id, name: row.actor_name },
    action: row.action,
    target: { type: row.target_type, id: row.target_id },
    before: row.before,
    after: row.after,
    client: row.client,
  }));
  return { entries, ...(next ? { next } : {}) };
}
