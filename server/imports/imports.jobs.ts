import { rm } from 'node:fs/promises';
import type { Caller } from '../accounts/caller.js';
import { audit } from '../audit/audit.queries.js';
import type { Catalog } from '../graph/catalog.js';
import { z } from 'zod';
import { cursorCodec, pageOf } from '../http/cursor.js';
import { ProblemError } from '../http/problem.js';
import type { Logger } from '../logger.js';
import type { Database } from '../neo4j/database.js';
import { writeDegreeOrder } from '../nodes/degree-order.js';
import { loadSql, type Store } from '../store/store.js';
import { ImportCancelled, runImport, type Change, type ImportInput, type Written } from './engine.js';
import type { Format, Mapping } from './mapping.js';
import type { Encoding } from './readers.js';
import { rollbackGraph } from './rollback.js';

/** Imports page newest first: a position is the last one's created_at (as text, to the microsecond) and id. */
const importCursors = cursorCodec(
  'imports',
  z.tuple([z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/), z.uuid()]),
);

const sql = loadSql(
  'imports/create',
  'imports/get',
  'imports/page',
  'imports/progress',
  'imports/finish',
  'imports/cancel',
  'imports/begin-rollback',
  'imports/record-changes',
  'imports/interrupt-stale',
);

export interface ImportRow extends Record<string, unknown> {
  id: string;
  owner_id: string | null;
  owner_name: string;
  file_name: string;
  file_bytes: string;
  format: Format;
  encoding: Encoding | null;
  mapping: Mapping;
  dry_run: boolean;
  rejected_rows: 'skip' | 'fail';
  status: string;
  cancel_requested: boolean;
  rows_done: string;
  bytes_done: string;
  counts: Record<string, unknown>;
  errors: { line: number; reason: string }[];
  error_count: string;
  ambiguous: { line: number; value: string; matches: number; candidates: string[] }[];
  written: { labels: string[]; types: string[] };
  failure: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export const terminalStatuses = new Set(['done', 'failed', 'cancelled', 'rolled-back', 'interrupted']);

/** A job as the API shows it: with its progress (rows done, rows per second, time left) worked out. */
export function jobView(row: ImportRow, full = true) {
  const fileBytes = Number(row.file_bytes);
  const bytesDone = Number(row.bytes_done);
  const rowsDone = Number(row.rows_done);
  const end = row.finished_at ?? new Date();
  const elapsedMs = Math.max(1, end.getTime() - row.created_at.getTime());
  const fraction = fileBytes > 0 ? Math.min(1, bytesDone / fileBytes) : 1;
  const running = row.status === 'running';
  return {
    id: row.id,
    owner: row.owner_name,
    fileName: row.file_name,
    fileBytes,
    format: row.format,
    encoding: row.encoding,
    dryRun: row.dry_run,
    rejectedRows: row.rejected_rows,
    status: row.status,
    cancelRequested: row.cancel_requested,
    progress: {
      rowsDone,
      bytesDone,
      fraction,
      rowsPerSecond: Math.round((rowsDone / elapsedMs) * 1000),
      secondsLeft:
        running && fraction > 0 ? Math.round(((elapsedMs / fraction) * (1 - fraction)) / 1000) : running ? null : 0,
    },
    counts: row.counts,
    errorCount: Number(row.error_count),
    written: row.written,
    failure: row.failure,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    durationMs: row.finished_at ? elapsedMs : null,
    ...(full ? { mapping: row.mapping, errors: row.errors, ambiguous: row.ambiguous } : {}),
  };
}

export type ImportJob = ReturnType<typeof jobView>;

export interface NewImport {
  path: string;
  fileName: string;
  fileBytes: number;
  format: Format;
  encoding: Encoding;
  mapping: Mapping;
  dryRun: boolean;
  rejectedRows: 'skip' | 'fail';
  /** The file is the user's own (the command line): left in place. Uploads are removed once read. */
  keepFile?: boolean;
}

/**
 * Import jobs: each a row in the store, run in the background by the instance that took the upload, its
 * progress written after every batch (any instance answers GET and the event stream from the store), a
 * cancel asked through the store. One import or rollback writes to the graph at a time (409 for another).
 */
export class ImportJobs {
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly catalog?: Catalog,
  ) {}

  async get(id: string): Promise<ImportRow> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw ProblemError.notFound(`No import has the id "${id}".`);
    const [row] = await this.store.rows<ImportRow>(sql['imports/get'], [id]);
    if (!row) throw ProblemError.notFound(`No import has the id "${id}".`);
    return row;
  }

  /** One page of imports, newest first, after `cursor` (the `next` of the page before). */
  async list(limit: number, cursor?: string): Promise<{ items: ImportRow[]; next?: string }> {
    const [at, id] = cursor === undefined ? [null, null] : importCursors.decode(cursor);
    const rows = await this.store.rows<ImportRow & { cursor_at: string }>(sql['imports/page'], [at, id, limit + 1]);
    return pageOf(rows, limit, (last) => [last.cursor_at, last.id] as [string, string], importCursors);
  }

  /** Records the job (refused with 409 while another import writes) and starts it in the background. */
  async start(caller: Caller, job: NewImport): Promise<ImportRow> {
    await this.store.rows(sql['imports/interrupt-stale']);
    let row: ImportRow;
    try {
      row = await this.store.transaction(async (tx) => {
        const [created] = await tx.rows<ImportRow>(sql['imports/create'], [
          caller.userId ?? null,
          caller.name,
          job.fileName,
          job.fileBytes,
          job.format,
          job.encoding,
          JSON.stringify(job.mapping),
          job.dryRun,
          job.rejectedRows,
        ]);
        await audit(tx, caller, {
          action: job.dryRun ? 'import.dry-run' : 'import.start',
          targetType: 'import',
          targetId: created!.id,
          after: { fileName: job.fileName, fileBytes: job.fileBytes, format: job.format, mapping: job.mapping },
        });
        return created!;
      });
    } catch (error) {
      if (!job.keepFile) await rm(job.path, { force: true });
      if ((error as { code?: string }).code === '23505') throw busy();
      throw error;
    }
    const input: ImportInput = {
      importId: row.id,
      path: job.path,
      fileName: job.fileName,
      format: job.format,
      mapping: job.mapping,
      encoding: job.encoding,
      dryRun: job.dryRun,
      rejectedRows: job.rejectedRows,
    };
    this.track(row.id, this.execute(caller, input, job.keepFile === true));
    return row;
  }

  /** Asks a running import to stop after its current batch; it then rolls back what it wrote. */
  async cancel(caller: Caller, id: string): Promise<ImportRow> {
    const current = await this.get(id);
    return this.store.transaction(async (tx) => {
      const [row] = await tx.rows<ImportRow>(sql['imports/cancel'], [id]);
      if (!row) {
        throw new ProblemError(
          409,
          'not-running',
          'Not running',
          `The import is ${current.status}: nothing to cancel.`,
        );
      }
      await audit(tx, caller, { action: 'import.cancel', targetType: 'import', targetId: id });
      return row;
    });
  }

  /** Rolls a finished (or stopped) import back in the background: what it made removed, what it changed restored. */
  async rollback(caller: Caller, id: string): Promise<ImportRow> {
    const current = await this.get(id);
    if (current.dry_run) throw new ProblemError(409, 'dry-run', 'Dry run', 'A dry run wrote nothing to roll back.');
    let row: ImportRow;
    try {
      row = await this.store.transaction(async (tx) => {
        const [taken] = await tx.rows<ImportRow>(sql['imports/begin-rollback'], [id]);
        if (!taken) {
          throw new ProblemError(409, 'not-rollbackable', 'Cannot roll back', `The import is ${current.status}.`);
        }
        await audit(tx, caller, { action: 'import.rollback', targetType: 'import', targetId: id });
        return taken;
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw busy();
      throw error;
    }
    this.track(
      id,
      (async () => {
        try {
          await rollbackGraph(this.db, this.store, id, row.written);
          await this.finish(id, 'rolled-back', null);
        } catch (error) {
          this.logger.error({ err: error, import: id }, 'Rolling an import back failed');
          await this.finish(id, 'interrupted', `rolling back failed: ${(error as Error).message}`);
        }
        await this.refresh(row.written.labels);
      })(),
    );
    return row;
  }

  /** Waits for every job this instance runs (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  private track(id: string, work: Promise<void>) {
    const tracked = work.finally(() => this.running.delete(id));
    this.running.set(id, tracked);
  }

  private async finish(id: string, status: string, failure: string | null) {
    await this.store.rows(sql['imports/finish'], [id, status, failure]);
  }

  private async execute(caller: Caller, input: ImportInput, keepFile: boolean): Promise<void> {
    const id = input.importId;
    const written: Written = { labels: new Set(), types: new Set() };
    try {
      try {
        const result = await runImport(
          this.db,
          input,
          {
            progress: async (progress) => {
              const [row] = await this.store.rows<{ cancel_requested: boolean }>(sql['imports/progress'], [
                id,
                progress.rowsDone,
                progress.bytesDone,
                JSON.stringify(progress.counts),
                JSON.stringify(progress.newErrors),
                progress.counts.rejected,
                JSON.stringify(progress.newAmbiguous),
                JSON.stringify(progress.written),
              ]);
              return row?.cancel_requested === true;
            },
            recordChanges: (changes: Change[]) => this.recordChanges(id, changes),
          },
          written,
        );
        await this.store.transaction(async (tx) => {
          await tx.rows(sql['imports/finish'], [id, 'done', null]);
          await audit(tx, caller, {
            action: input.dryRun ? 'import.dry-run.done' : 'import.done',
            targetType: 'import',
            targetId: id,
            after: result,
          });
        });
      } catch (error) {
        const cancelled = error instanceof ImportCancelled;
        const reason = cancelled ? null : (error as Error).message;
        if (!cancelled) this.logger.warn({ err: error, import: id }, 'An import failed; rolling back what it wrote');
        if (!input.dryRun) {
          await rollbackGraph(this.db, this.store, id, { labels: [...written.labels], types: [...written.types] });
        }
        await this.finish(id, cancelled ? 'cancelled' : 'failed', reason);
      }
    } catch (error) {
      this.logger.error({ err: error, import: id }, 'An import could not be rolled back');
      await this.finish(id, 'interrupted', `could not roll back: ${(error as Error).message}`).catch(() => undefined);
    } finally {
      if (!keepFile) await rm(input.path, { force: true });
    }
    if (!input.dryRun) await this.refresh([...written.labels]);
  }

  private async recordChanges(id: string, changes: Change[]) {
    if (!changes.length) return;
    await this.store.rows(sql['imports/record-changes'], [
      id,
      JSON.stringify(
        changes.map((change) => ({
          element: change.element,
          kind: change.kind,
          before: change.before,
          added_labels: change.addedLabels,
        })),
      ),
    ]);
  }

  /**
   * After an import or rollback: the schema and catalog are read again (search follows the catalog and
   * makes its index again when a label or key is new), and a stored degree order is written again.
   */
  private async refresh(labels: string[]) {
    if (!this.catalog) return;
    this.catalog.invalidate();
    try {
      const { degreeOrderLabel } = await this.catalog.current();
      if (degreeOrderLabel && labels.includes(degreeOrderLabel)) await writeDegreeOrder(this.db, degreeOrderLabel);
    } catch (error) {
      this.logger.warn({ err: error }, 'After an import, the degree order could not be written again');
    }
  }
}

function busy(): ProblemError {
  return new ProblemError(
    409,
    'import-running',
    'Another import is running',
    'Another import (or rollback) is writing to the graph; try again when it has finished.',
  );
}
