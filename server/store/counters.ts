import type { ClientRateLimitInfo, Options, Store as RateLimitStore } from 'express-rate-limit';
import { loadSql, type Store } from './store.js';

const sql = loadSql('counters/hit', 'counters/peek', 'counters/decrement', 'counters/reset');

/**
 * Counters in fixed windows kept in the store, so every instance of Entente counts the same requests and
 * failed sign-ins (a limit per process would multiply with the number of processes).
 */
export class SharedCounters {
  /** `namespace` keeps the counters of separate deployments on one store apart (tests build many apps). */
  constructor(
    private readonly store: Store,
    private readonly namespace = '',
  ) {}

  async hit(key: string, windowMs: number): Promise<{ hits: number; resetsAt: Date }> {
    const [row] = await this.store.rows<{ hits: number; resets_at: Date }>(sql['counters/hit'], [
      this.namespace + key,
      windowMs,
    ]);
    return { hits: row!.hits, resetsAt: row!.resets_at };
  }

  async peek(key: string, windowMs: number): Promise<number> {
    const [row] = await this.store.rows<{ hits: number }>(sql['counters/peek'], [this.namespace + key, windowMs]);
    return row?.hits ?? 0;
  }

  async decrement(key: string): Promise<void> {
    await this.store.rows(sql['counters/decrement'], [this.namespace + key]);
  }

  async reset(key: string): Promise<void> {
    await this.store.rows(sql['counters/reset'], [this.namespace + key]);
  }
}

/** express-rate-limit's store interface over the shared counters. */
export class SharedRateLimitStore implements RateLimitStore {
  private windowMs = 60_000;
  readonly localKeys = false;

  constructor(
    private readonly counters: SharedCounters,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { hits, resetsAt } = await this.counters.hit(`${this.prefix}${key}`, this.windowMs);
    return { totalHits: hits, resetTime: resetsAt };
  }

  decrement(key: string): Promise<void> {
    return this.counters.decrement(`${this.prefix}${key}`);
  }

  resetKey(key: string): Promise<void> {
    return this.counters.reset(`${this.prefix}${key}`);
  }
}
