import type { Cypher } from './cypher.js';
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, {
  type Driver,
  type EagerResult,
  type Transaction,
  type Record as Neo4jRecord,
  type RecordShape,
  type ResultSummary,
  type RoutingControl,
} from 'neo4j-driver';

export interface ConnectionSettings {
  uri: string;
  user: string;
  password: string;
  /** Unset means: the server's default database. */
  database: string | undefined;
  queryTimeoutMs: number;
}

export type Parameters = Record<string, unknown>;

/** A write transaction open on Neo4j: statements run in it, committed or rolled back together. */
export type GraphTransaction = Pick<Transaction, 'run'>;

/** Every connection was busy for longer than a request may wait: the caller answers 503. */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
}

/**
 * The database took the query but did not answer within the read's deadline: it is starting, recovering or
 * stalled. The caller answers 503 rather than leave its client waiting without an answer.
 */
export class DatabaseUnansweredError extends Error {
  override name = 'DatabaseUnansweredError';
}

/**
 * How long after a read's own transaction timeout the server stops waiting for it. Neo4j ends a slow
 * transaction itself; this deadline is for a database that cannot say so (a JVM recovering after a crash
 * accepts connections and answers nothing for a while), since the driver has no timeout of its own there.
 */
const readDeadlineGraceMs = 3_000;

/** When the request being served must have had its reads answered (ms since the epoch), set per request. */
const requestDeadlines = new AsyncLocalStorage<number>();

/**
 * How long a read given `timeoutMs` is waited for: its timeout and grace, and no later than the end of the
 * request it serves (see `Database.serveWithin`).
 */
function readDeadlineMs(timeoutMs: number): number {
  const requestEnds = requestDeadlines.getStore();
  return Math.min(
    timeoutMs + readDeadlineGraceMs,
    requestEnds === undefined ? Infinity : Math.max(0, requestEnds - Date.now()),
  );
}

/** Waits at most `ms` for `work`; past that, rejects, leaving `work` to settle on its own. */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DatabaseUnansweredError(`Neo4j did not answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * At most `size` queries at once; the others wait in line, at most `waitMs` each. The driver's own pool
 * would wait too, but fails with an error that carries no code; this line fails with one of ours.
 */
class QueryLine {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly waitMs: number,
  ) {}

  /**
   * Runs `work` in its turn. With a `deadlineMs`, the wait for a turn counts against it, and the caller stops
   * waiting for the work at its end, but the work's place is held until it really ends, so queries the
   * database never answered cannot pile up beyond the line's size.
   */
  async run<T>(work: () => Promise<T>, deadlineMs?: number): Promise<T> {
    const asked = Date.now();
    const release = await this.acquire(deadlineMs);
    const left = deadlineMs === undefined ? undefined : deadlineMs - (Date.now() - asked);
    if (left !== undefined && left <= 0) {
      release();
      throw new DatabaseBusyError(`No connection came free before the request's deadline`);
    }
    const running = (async () => {
      try {
        return await work();
      } finally {
        release();
      }
    })();
    return left === undefined ? running : withDeadline(running, left);
  }

  /**
   * A place in the line held until the returned function is called (once; later calls do nothing), waited
   * for at most the line's wait or `deadlineMs`, whichever is shorter.
   */
  async acquire(deadlineMs = Infinity): Promise<() => void> {
    if (this.running >= this.size) await this.wait(Math.min(this.waitMs, deadlineMs));
    this.running += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.waiting.shift()?.();
    };
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        reject(new DatabaseBusyError(`All ${this.size} connections stayed busy for ${Math.round(ms)} ms`));
      }, ms);
      this.waiting.push(turn);
    });
  }
}

/**
 * A read that callers need begun after they asked (so that it sees what they saw), run one at a time:
 * callers arriving while one runs share the next, which starts when it ends. However many callers ask,
 * at most one runs and one waits.
 */
class OneAtATime<T> {
  private running?: Promise<T>;
  private waiting?: Promise<T>;

  constructor(private readonly read: () => Promise<T>) {}

  next(): Promise<T> {
    // The waiting one has not begun yet (even if the running one has just ended): it serves this caller too.
    if (this.waiting) return this.waiting;
    if (!this.running) return this.start();
    this.waiting = this.running
      .catch(() => undefined)
      .then(() => {
        this.waiting = undefined;
        return this.start();
      });
    return this.waiting;
  }

  private start(): Promise<T> {
    const running = this.read().finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }
}

/** How long a request waits for the graph's version (Database.graphVersion) before going without it. */
const versionWaitMs = 1_000;

/** How long a query waits for a free connection before the request is answered 503. */
const connectionWaitMs = 5_000;

/**
 * The one way the server talks to Neo4j: a single long-lived driver, every query on the configured
 * database, reads routed to readers (so clusters and Aura spread them) and bounded by a timeout.
 */
export class Database {
  readonly driver: Driver;
  private readonly line: QueryLine;
  private readonly versionReads = new OneAtATime(() => this.readGraphVersion());
  private stalledVersionRead = false;

  constructor(
    readonly settings: ConnectionSettings,
    options: { maxConnections?: number; connectionWaitMs?: number } = {},
  ) {
    const auth = settings.password ? neo4j.auth.basic(settings.user, settings.password) : undefined;
    const maxConnections = options.maxConnections ?? 50;
    const waitMs = options.connectionWaitMs ?? connectionWaitMs;
    this.line = new QueryLine(maxConnections, waitMs);
    this.driver = neo4j.driver(settings.uri, auth, {
      userAgent: 'entente',
      // One more than the query line: the version read (graphVersion) runs outside it.
      maxConnectionPoolSize: maxConnections + 1,
      connectionAcquisitionTimeout: waitMs * 2,
      connectionTimeout: 5_000,
      // The driver's default (30 s of retries) outlives an HTTP request; fail over to a 503 sooner.
      maxTransactionRetryTime: 3_000,
    });
  }

  /**
   * Serves a request (`work`, Express's `next`) with one deadline for all of its reads together, the query
   * timeout and its grace: several reads in a row, each given up only at its own deadline, would keep a client
   * waiting for their sum while the database does not answer.
   */
  serveWithin(work: () => void): void {
    requestDeadlines.run(Date.now() + this.settings.queryTimeoutMs + readDeadlineGraceMs, work);
  }

  /** `timeoutMs`: a shorter limit than the configured one, for a query that has a cheaper fallback. */
  read<R extends RecordShape = RecordShape>(
    cypher: string | Cypher,
    parameters: Parameters = {},
    { timeoutMs }: { timeoutMs?: number } = {},
  ): Promise<EagerResult<R>> {
    return this.run<R>(cypher, parameters, neo4j.routing.READ, timeoutMs);
  }

  write<R extends RecordShape = RecordShape>(
    cypher: string | Cypher,
    parameters: Parameters = {},
  ): Promise<EagerResult<R>> {
    return this.run<R>(cypher, parameters, neo4j.routing.WRITE);
  }

  private run<R extends RecordShape>(
    cypher: string | Cypher,
    parameters: Parameters,
    routing: RoutingControl,
    timeoutMs = this.settings.queryTimeoutMs,
  ): Promise<EagerResult<R>> {
    const timeout = Math.min(timeoutMs, this.settings.queryTimeoutMs);
    // A write is never given up on: answering while it may still commit would misstate what happened.
    const deadlineMs = routing === neo4j.routing.READ ? readDeadlineMs(timeout) : undefined;
    return this.line.run(
      () =>
        this.driver.executeQuery<EagerResult<R>>(cypher, parameters, {
          routing,
          database: this.settings.database,
          transactionConfig: { timeout },
        }),
      deadlineMs,
    );
  }

  /**
   * Runs `work` in one explicit write transaction, committed when it returns and rolled back when it throws;
   * never retried (the caller holds other resources open: Entente's store transaction, see server/editing).
   */
  writeTransaction<T>(work: (tx: GraphTransaction) => Promise<T>): Promise<T> {
    return this.line.run(async () => {
      // Its bookmark joins the driver's own (executeQuery's), which the graph's version reads with: in a
      // cluster, a version read after this write names it.
      const session = this.driver.session({
        database: this.settings.database,
        defaultAccessMode: neo4j.session.WRITE,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      const transaction = session.beginTransaction({ timeout: this.settings.queryTimeoutMs });
      try {
        const result = await work(transaction);
        await transaction.commit();
        return result;
      } catch (error) {
        if (transaction.isOpen()) await transaction.rollback().catch(() => undefined);
        throw error;
      } finally {
        await session.close();
      }
    });
  }

  /**
   * A version of the graph that changes with every committed write, whoever made it (another driver, the
   * Neo4j Browser, an import), or null when none could be had in time. It is the bookmark Neo4j answers a
   * read transaction with: it names the last transaction committed to the database (Bolt causal
   * chaining, in every edition since 4.0; `SHOW DATABASE ... lastCommittedTxn` is null in Community). One
   * `RETURN 1`, so it costs a round trip. Its bookmark joins the one the driver's own queries
   * wait for (executeQueryBookmarkManager), so in a cluster the reads that follow see at least the version
   * named: an answer is never older than its tag.
   *
   * It is an optimisation, so it never holds a request up for long and never takes a place in the query
   * line: one version read at a time, on a connection of its own (see the pool's size), shared by every
   * caller that asked while it was waiting to start (each gets a version read after it asked: a write it saw
   * is never missed), and given up for null after `versionWaitMs` or the request's deadline.
   */
  async graphVersion(): Promise<string | null> {
    const waitMs = Math.min(versionWaitMs, readDeadlineMs(this.settings.queryTimeoutMs));
    return withDeadline(this.versionReads.next(), waitMs).catch(() => null);
  }

  /**
   * The version read itself, bounded by the query timeout and its grace (a socket that never answers would
   * otherwise hold every later one back). One given up on may still hold its connection: until it ends, no
   * other starts and there is no version.
   */
  private readGraphVersion(): Promise<string | null> {
    if (this.stalledVersionRead) return Promise.resolve(null);
    const read = this.readBookmark();
    const bounded = withDeadline(read, this.settings.queryTimeoutMs + readDeadlineGraceMs);
    bounded.catch(() => {
      this.stalledVersionRead = true;
      void read.catch(() => undefined).finally(() => (this.stalledVersionRead = false));
    });
    return bounded;
  }

  private async readBookmark(): Promise<string | null> {
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      // A managed transaction: retried on a pooled connection that the database's restart left dead.
      await session.executeRead((tx) => tx.run('RETURN 1'), { timeout: this.settings.queryTimeoutMs });
      const bookmarks = session.lastBookmarks();
      return bookmarks.length ? [...bookmarks].sort().join(',') : null;
    } finally {
      await session.close();
    }
  }

  /** Plans a query without running it (EXPLAIN), returning its query type and plan. */
  async explain(cypher: string | Cypher, parameters: Parameters = {}): Promise<ResultSummary> {
    const { summary } = await this.run(`EXPLAIN ${String(cypher)}`, parameters, neo4j.routing.READ);
    return summary;
  }

  /**
   * Runs a user's read in a READ transaction and streams at most `maxRows` records, so a query returning
   * millions of rows costs no more than its first page; `truncated` says whether more were there. With
   * `skip`, the page starts past that many rows (read from Neo4j and dropped). Never
   * retried: a statement that ran the database out of memory (a transient error) would run again.
   */
  async readBounded(
    cypher: string | Cypher,
    parameters: Parameters,
    options: { maxRows: number; timeoutMs: number; skip?: number },
  ): Promise<{ keys: string[]; records: Neo4jRecord[]; truncated: boolean }> {
    return this.line.run(() => this.streamRead(cypher, parameters, options), options.timeoutMs + readDeadlineGraceMs);
  }

  private async streamRead(
    cypher: string | Cypher,
    parameters: Parameters,
    options: { maxRows: number; timeoutMs: number; skip?: number },
  ): Promise<{ keys: string[]; records: Neo4jRecord[]; truncated: boolean }> {
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    const transaction = session.beginTransaction({ timeout: options.timeoutMs });
    try {
      const result = transaction.run(cypher, parameters);
      const records: Neo4jRecord[] = [];
      let truncated = false;
      // Rows before `skip` (a page's start) are read and dropped: a statement's text is not rewritten.
      let skipped = 0;
      const skip = options.skip ?? 0;
      for await (const record of result) {
        if (skipped < skip) {
          skipped += 1;
          continue;
        }
        if (records.length === options.maxRows) {
          truncated = true;
          break;
        }
        records.push(record);
      }
      return { keys: [...(await result.keys())], records, truncated };
    } finally {
      // A read has nothing to commit; closing rolls back what is still open.
      await transaction.close();
      await session.close();
    }
  }

  /**
   * Streams a read's records in a READ transaction of its own, pulling more from Neo4j only as the consumer
   * asks for them (the driver fetches in batches and pauses above its buffer's high watermark), so memory
   * stays bounded however many records there are. A consumer that stops early (`return()`, as a destroyed
   * stream does) rolls the transaction back, which ends the query in Neo4j. Holds one place in the line
   * from start to end; `timeoutMs` bounds the whole transaction (the server may bound it further).
   */
  async *stream<R extends RecordShape = RecordShape>(
    cypher: string | Cypher,
    parameters: Parameters,
    { timeoutMs }: { timeoutMs: number },
  ): AsyncGenerator<Neo4jRecord<R>> {
    const release = await this.line.acquire();
    const session = this.driver.session({ database: this.settings.database, defaultAccessMode: neo4j.session.READ });
    try {
      const transaction = session.beginTransaction({ timeout: timeoutMs });
      try {
        for await (const record of transaction.run<R>(cypher, parameters)) yield record;
      } finally {
        await transaction.close().catch(() => undefined);
      }
    } finally {
      await session.close().catch(() => undefined);
      release();
    }
  }

  /**
   * `stream` in arrays of up to `size` records, for a consumer that handles many records at once (an
   * export): the records still come one by one from the driver, but the consumer's steps (and whatever
   * generators lie between) are taken once per batch, not once per record. Same transaction, line place,
   * backpressure and early stop as `stream`. `fetchSize`: records the driver asks Neo4j for at a time (it asks
   * again when fewer than 30% of them are left unread, and pauses when 70% are): larger than the driver's
   * 1,000, so that Neo4j streams on while the consumer maps a batch, at the cost of that many records held.
   */
  async *streamBatches<R extends RecordShape = RecordShape>(
    cypher: string | Cypher,
    parameters: Parameters,
    { timeoutMs, size = 1000, fetchSize = 10_000 }: { timeoutMs: number; size?: number; fetchSize?: number },
  ): AsyncGenerator<Neo4jRecord<R>[]> {
    const release = await this.line.acquire();
    const session = this.driver.session({
      database: this.settings.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize,
    });
    try {
      const transaction = session.beginTransaction({ timeout: timeoutMs });
      try {
        let batch: Neo4jRecord<R>[] = [];
        for await (const record of transaction.run<R>(cypher, parameters)) {
          batch.push(record);
          if (batch.length >= size) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length) yield batch;
      } finally {
        await transaction.close().catch(() => undefined);
      }
    } finally {
      await session.close().catch(() => undefined);
      release();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
