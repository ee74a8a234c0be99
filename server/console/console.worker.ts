import { cypherDate } from '../graph/as-of.js';
import { NodeIdentity, type PlainIdentity } from '../graph/identity.js';
import { toProblem } from '../http/problem.js';
import { Database, type ConnectionSettings, type Parameters } from '../neo4j/database.js';
import { checkReadOnly, executeReadOnly, type QueryResult, type RunLimits } from './run.js';

/** One statement for a console worker thread: everything it needs as plain, cloneable data. */
export interface ConsoleTask {
  connection: ConnectionSettings;
  identity: PlainIdentity;
  query: string;
  /** JSON parameters; those named in `dates` hold `YYYY-MM-DD` and become Cypher dates. */
  parameters: Record<string, unknown>;
  dates: string[];
  limits: RunLimits;
  /** Only check the statement (shape, procedures, plan) as a save does, without running it. */
  checkOnly?: boolean;
}

export interface PlainProblem {
  status: number;
  slug: string;
  title: string;
  detail: string;
  extensions: Record<string, unknown>;
  /** For the server's log only: what went wrong, when it was the server's fault (5xx). */
  diagnostic?: string;
}

/** `result` is null for a check only. */
export type ConsoleOutcome = { ok: true; result: QueryResult | null } | { ok: false; problem: PlainProblem };

/** Each worker keeps its own small driver: the console's connections are never the explorer's. */
let database: { key: string; db: Database } | undefined;

function databaseFor(connection: ConnectionSettings): Database {
  const key = JSON.stringify(connection);
  if (database?.key !== key) {
    void database?.db.close();
    database = { key, db: new Database(connection, { maxConnections: 2 }) };
  }
  return database.db;
}

/** Entries are copied as data properties, so a parameter named `__proto__` stays a parameter. */
function withDates(parameters: Record<string, unknown>, dates: string[]): Parameters {
  const isDate = new Set(dates);
  return Object.fromEntries(
    Object.entries(parameters).map(([name, value]) => {
      if (!isDate.has(name)) return [name, value];
      return [name, cypherDate(String(value))];
    }),
  );
}

/** Runs one statement (see run.ts); failures come back as problems, since errors lose their class here. */
export default async function runConsoleTask(task: ConsoleTask): Promise<ConsoleOutcome> {
  try {
    if (task.checkOnly) {
      await checkReadOnly(databaseFor(task.connection), task.query, withDates(task.parameters, task.dates));
      return { ok: true, result: null };
    }
    const result = await executeReadOnly(
      databaseFor(task.connection),
      NodeIdentity.fromPlain(task.identity),
      task.query,
      withDates(task.parameters, task.dates),
      task.limits,
    );
    return { ok: true, result };
  } catch (error) {
    const { status, slug, title, detail, extensions } = toProblem(error);
    const diagnostic = status >= 500 ? String((error as Error)?.stack ?? error) : undefined;
    return { ok: false, problem: { status, slug, title, detail, extensions, diagnostic } };
  }
}
