import { isDate } from 'neo4j-driver';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import type { NodeIdentity, PlainIdentity } from '../graph/identity.js';
import { ProblemError } from '../http/problem.js';
import type { ConnectionSettings, Parameters } from '../neo4j/database.js';
import type { ConsoleOutcome, ConsoleTask } from './console.worker.js';
import { defaultMaxBytes, type QueryResult, type RunLimits } from './run.js';

export interface ConsoleLimits extends Omit<RunLimits, 'maxBytes'> {
  /** UTF-8 bytes of one answer's JSON (413 beyond it); `defaultMaxBytes` unless given. */
  maxBytes?: number;
  /** Statements running at once; more wait in a short queue, beyond it a 503. */
  concurrency: number;
  /** Heap of one worker thread: a result that needs more is refused (413), the server is not touched. */
  workerHeapMb: number;
}

/** Grace on top of the transaction timeout before the worker itself is stopped. */
const deadlineGraceMs = 500;

/** The worker runs from TypeScript sources under the test runner and tsx, from JavaScript once built. */
const workerFile = path.join(
  import.meta.dirname,
  `console.worker.${import.meta.filename.endsWith('.ts') ? 'ts' : 'js'}`,
);

/**
 * Runs console statements and saved queries in worker threads, each with its own Neo4j driver, heap
 * limit and deadline. Whatever a statement returns (a 20-million-element list, a parser that never
 * answers), the event loop that serves the explorer and /api/health stays free: past the deadline or
 * the heap limit the worker is stopped and the client gets a 504 or a 413.
 */
export class ConsoleRunner {
  private pool?: Piscina<ConsoleTask, ConsoleOutcome>;

  constructor(
    private readonly connection: ConnectionSettings,
    private readonly limits: ConsoleLimits,
  ) {}

  private start(): Piscina<ConsoleTask, ConsoleOutcome> {
    this.pool ??= new Piscina<ConsoleTask, ConsoleOutcome>({
      filename: workerFile,
      execArgv: workerFile.endsWith('.ts') ? ['--import', 'tsx'] : [],
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(this.limits.concurrency, availableParallelism() * 2)),
      maxQueue: this.limits.concurrency * 4,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.workerHeapMb },
    });
    return this.pool;
  }

  /** The most rows one answer holds (CYPHER_MAX_ROWS): a page is never longer. */
  get maxRows(): number {
    return this.limits.maxRows;
  }

  /**
   * Runs a statement; `page` gives the rows to pass over (`skip`) and a page length (`limit`, at most
   * `maxRows`): `meta.truncated` then says whether rows follow the page.
   */
  async run(
    identity: NodeIdentity,
    query: string,
    parameters: Parameters,
    page: { skip?: number; limit?: number } = {},
  ): Promise<QueryResult> {
    const task = this.task(identity.toPlain(), query, parameters);
    task.limits.skip = page.skip;
    if (page.limit !== undefined) task.limits.maxRows = Math.min(page.limit, this.limits.maxRows);
    const result = await this.perform(task);
    if (!result) throw new Error('A console worker answered a run without a result');
    return result;
  }

  /**
   * Checks untrusted text as a save does (shape, procedures, a read-only plan) without running it, in a
   * worker with its own connections and the console's deadline: a statement that keeps Neo4j's parser
   * busy costs the console one of its workers, never a connection of the explorer's pool.
   */
  async check(query: string): Promise<void> {
    // A check maps no nodes: any identity rule will do.
    const identity: PlainIdentity = { sharedKeys: [], allShared: false };
    await this.perform({ ...this.task(identity, query, {}), checkOnly: true });
  }

  private task(identity: PlainIdentity, query: string, parameters: Parameters): ConsoleTask {
    const dates = Object.keys(parameters).filter((name) => isDate(parameters[name]));
    return {
      connection: this.connection,
      identity,
      query,
      parameters: Object.fromEntries(
        Object.entries(parameters).map(([name, value]) => [name, isDate(value) ? value.toString() : value]),
      ),
      dates,
      limits: {
        maxRows: this.limits.maxRows,
        maxValues: this.limits.maxValues,
        maxBytes: this.limits.maxBytes ?? defaultMaxBytes,
        timeoutMs: this.limits.timeoutMs,
      },
    };
  }

  private async perform(task: ConsoleTask): Promise<QueryResult | null> {
    const pool = this.start();
    if (pool.queueSize >= pool.options.maxQueue) {
      throw ProblemError.unavailable('The Cypher console is busy with other statements; try again shortly.');
    }
    let outcome: ConsoleOutcome;
    try {
      outcome = await pool.run(task, { signal: AbortSignal.timeout(this.limits.timeoutMs + deadlineGraceMs) });
    } catch (error) {
      throw this.failure(error);
    }
    if (outcome.ok) return outcome.result;
    const { status, slug, title, detail, extensions, diagnostic } = outcome.problem;
    const problem = new ProblemError(status, slug, title, detail).with(extensions);
    // The error handler logs 5xx with their cause: the worker's own error, which could not cross as such.
    if (diagnostic) problem.cause = new Error(diagnostic);
    throw problem;
  }

  private failure(error: unknown): ProblemError {
    const code = (error as { code?: string }).code;
    const name = (error as { name?: string }).name;
    if (name === 'AbortError') {
      return new ProblemError(504, 'query-timeout', 'Query timed out', 'The query ran longer than the server allows.');
    }
    // The heap ran out before the values could be counted: say so, not that some count was passed.
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new ProblemError(
        413,
        'result-too-large',
        'Result too large',
        `The result needs more memory than a console worker has (${this.limits.workerHeapMb} MiB); return less ` +
          '(LIMIT, fewer columns, shorter strings and lists).',
      );
    }
    const problem = new ProblemError(500, 'internal', 'Internal error', 'The console could not run the statement.');
    problem.cause = error;
    return problem;
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}
