import { z } from 'zod';
import { audit } from '../audit/audit.queries.js';
import { loadSql, type Store } from '../store/store.js';
import type { Caller } from './caller.js';

const sql = loadSql('settings/get', 'settings/put');

export const settingsSchema = z.object({
  /** Whether callers who are not signed in may read the graph (never the console or anything else). */
  anonymousRead: z.boolean().default(false),
  /** Whether investigations may be shared by a public read-only link (and embedded) for anyone at all. */
  publicLinks: z.boolean().default(false),
});
export type Settings = z.infer<typeof settingsSchema>;

/** How long an instance trusts its copy of the settings: another instance's change shows within this. */
const cacheMs = 3_000;

/** Admin settings, kept in the store and read through a short cache. */
export class SettingsStore {
  private cached: { at: number; value: Settings } | undefined;

  constructor(private readonly store: Store) {}

  async current(): Promise<Settings> {
    if (this.cached && Date.now() - this.cached.at < cacheMs) return this.cached.value;
    const rows = await this.store.rows<{ key: string; value: unknown }>(sql['settings/get']);
    const value = settingsSchema.parse(Object.fromEntries(rows.map((row) => [row.key, row.value])));
    this.cached = { at: Date.now(), value };
    return value;
  }

  async update(caller: Caller, change: Partial<Settings>): Promise<Settings> {
    const before = await this.current();
    await this.store.transaction(async (tx) => {
      for (const [key, value] of Object.entries(change)) {
        await tx.rows(sql['settings/put'], [key, JSON.stringify(value)]);
      }
      await audit(tx, caller, { action: 'settings.update', targetType: 'settings', before, after: change });
    });
    this.cached = undefined;
    return this.current();
  }
}
