import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../config.js';

const sqlDir = path.join(projectRoot, 'sql');

/**
 * Reads named statements from `sql/<name>.sql` once, when the module that needs them loads (as Cypher is
 * kept in `cypher/`), so a missing file stops start-up instead of failing a request.
 */
export function loadSql<const Name extends string>(...names: Name[]): Record<Name, string> {
  const statements = {} as Record<Name, string>;
  for (const name of names) {
    let text: string;
    try {
      text = readFileSync(path.join(sqlDir, `${name}.sql`), 'utf8').trim();
    } catch {
      throw new Error(`Missing SQL file: sql/${name}.sql`);
    }
    if (!text) throw new Error(`Empty SQL file: sql/${name}.sql`);
    statements[name] = text;
  }
  return statements;
}

/** The store did not answer (down, unreachable, or out of connections): the API says 503. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** SQLSTATE classes of a server or connection that is not there (08: connection, 57P: shut down, 53: resources). */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^(08|57P|53)/.test(code)) return true;
  if (typeof code === 'string' && /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NOTFOUND)$/.test(code)) {
    return true;
  }
  return error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/.test(error.message);
}

/**
 * Text PostgreSQL cannot keep, sent by a caller: a NUL character, or an unpaired surrogate in JSON. The API
 * says 400, not 500: the request was at fault, and nothing was written.
 */
export class UnstorableTextError extends Error {
  override name = 'UnstorableTextError';
}

function isUnstorableText(error: unknown): boolean {
  const { code, message, detail } = error as { code?: unknown; message?: unknown; detail?: unknown };
  // 22P02 is any invalid input; only JSON's Unicode complaints are the caller's text (ours is JSON.stringify's).
  const about = `${String(message)} ${String(detail)}`;
  return code === '22021' || code === '22P05' || (code === '22P02' && /Unicode|surrogate/i.test(about));
}

async function translated<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUnavailable(error)) throw new StoreUnavailableError('Entente’s store is not answering');
    if (isUnstorableText(error)) throw new UnstorableTextError((error as Error).message);
    throw error;
  }
}

export type Row = Record<string, unknown>;

/** What both the pool and a transaction offer: one statement with positional parameters. */
export interface Queryable {
  rows<T extends Row = Row>(sql: string, values?: unknown[]): Promise<T[]>;
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    rows: async <T extends Row>(sql: string, values: unknown[] = []) =>
      // Without values, the simple protocol: a migration file may hold several statements.
      (await translated(() => client.query<T>(sql, values.length ? values : undefined))).rows,
  };
}

/** SQLSTATE of a write that lost to a concurrent one: retried, as PostgreSQL's documentation advises. */
const retriedCodes = new Set(['40001', '40P01']);

/** Entente's own relational store: the one module that talks to PostgreSQL. */
export class Store implements Queryable {
  private readonly pool: pg.Pool;
  private readonly direct: Queryable;

  constructor(readonly url: string) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 20,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // A statement stuck behind a lock or a slow disk answers 503, never holds a request for ever.
      statement_timeout: 10_000,
      application_name: 'entente',
      // Idle connections never keep a finished process (a command, a test file) alive.
      allowExitOnIdle: true,
    });
    // An idle connection the server closed must not crash the process; the next query reconnects.
    this.pool.on('error', () => {});
    this.direct = queryable(this.pool);
  }

  rows<T extends Row = Row>(sql: string, values: unknown[] = []): Promise<T[]> {
    return this.direct.rows<T>(sql, values);
  }

  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>, isolation = 'READ COMMITTED'): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await translated(() => this.pool.connect());
      try {
        await translated(() => client.query(`BEGIN ISOLATION LEVEL ${isolation}`));
        const result = await work(queryable(client));
        await translated(() => client.query('COMMIT'));
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        const code = (error as { code?: string }).code;
        if (attempt < 5 && code && retriedCodes.has(code)) continue;
        throw error;
      } finally {
        client.release();
      }
    }
  }

  /** Whether the store answers now. */
  async ping(): Promise<boolean> {
    try {
      await this.rows('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** Versioned migrations: `sql/migrations/NNN-name.sql`, applied in order, each once. */
export function migrationFiles(): { version: number; name: string; sql: string }[] {
  return readdirSync(path.join(sqlDir, 'migrations'))
    .filter((file) => /^\d{3}-[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(path.join(sqlDir, 'migrations', file), 'utf8'),
    }));
}
