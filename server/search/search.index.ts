import { Neo4jError } from 'neo4j-driver';
import { captionKeys } from '../graph/mapping.js';
import type { Logger } from '../logger.js';
import { compose, loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { name, names } from '../neo4j/names.js';

const cypher = loadCypher(
  'graph/fulltext-indexes',
  'search/index-targets',
  'search/own-index',
  'search/drop-own-index',
  'search/create-own-index',
  'search/index-key',
);

/** The full-text index Entente creates on databases that have none of their own. */
export const searchIndexName = 'entente_search';

export type SearchIndexMode = 'auto' | 'off';

export type SearchMode = { kind: 'index'; index: string; created: boolean } | { kind: 'scan'; reason: string };

/**
 * With `auto`, gives a database that has no node full-text index one over the properties captions are
 * made of (and `aliases`), for every label it has, with an accent-folding analyzer; then search forgives
 * accents and typos on any graph. An index of Entente's own that no longer covers every label and key (the
 * graph grew since it was made) is made again, so each start covers what the database holds then; after
 * start, a SearchIndexKeeper does the same in the background whenever search finds the database grew (a
 * graph loaded while Entente runs). Says in the log which mode search uses. Never fails start-up: a database
 * that refuses schema changes keeps the scan.
 */
export async function ensureSearchIndex(db: Database, mode: SearchIndexMode, logger: Logger): Promise<SearchMode> {
  const chosen = await chooseSearchMode(db, mode);
  if (chosen.kind === 'index') {
    logger.info({ index: chosen.index, created: chosen.created }, `Search uses the full-text index ${chosen.index}`);
  } else {
    logger.info({ reason: chosen.reason }, `Search scans display properties: ${chosen.reason}`);
  }
  if (mode === 'auto') keepers.set(db, new SearchIndexKeeper(db, logger));
  else keepers.delete(db);
  return chosen;
}

/** What Entente's own index should cover: every label, and the display keys the database has. */
interface Targets {
  labels: string[];
  keys: string[];
}

async function readTargets(db: Database): Promise<Targets> {
  const targets = await db.read<{ labels: string[]; keys: string[] }>(cypher['search/index-targets'], {
    keys: [...captionKeys, 'aliases'],
  });
  return { labels: targets.records[0]?.get('labels') ?? [], keys: targets.records[0]?.get('keys') ?? [] };
}

/** Whether Entente's own index exists and covers the targets. */
async function ownIndexCovers(db: Database, { labels, keys }: Targets): Promise<boolean> {
  const own = (
    await db.read<{ labels: string[]; keys: string[] }>(cypher['search/own-index'], { name: searchIndexName })
  ).records[0];
  const covered = (wanted: string[], have: string[] = []) => wanted.every((name) => have.includes(name));
  return !!own && covered(labels, own.get('labels')) && covered(keys, own.get('keys'));
}

/** Drops Entente's own index (if any) and creates it over the targets; Neo4j fills it in the background. */
async function createOwnIndex(db: Database, { labels, keys }: Targets): Promise<SearchMode> {
  if (!labels.length || !keys.length) return { kind: 'scan', reason: 'the database has nothing to index yet' };
  const index = name(searchIndexName);
  await db.write(compose(cypher['search/drop-own-index'], { index }));
  const statement = compose(cypher['search/create-own-index'], {
    index,
    labels: names(labels, '|'),
    keys: keys.map((key) => compose(cypher['search/index-key'], { key: name(key) })),
  });
  try {
    await db.write(statement);
  } catch (error) {
    if (error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.')) {
      return { kind: 'scan', reason: `the database refused a full-text index (${error.code})` };
    }
    throw error;
  }
  return { kind: 'index', index: searchIndexName, created: true };
}

async function chooseSearchMode(db: Database, mode: SearchIndexMode): Promise<SearchMode> {
  const { records } = await db.read<{ names: string[] }>(cypher['graph/fulltext-indexes']);
  const existing = records[0]?.get('names') ?? [];
  const theirs = existing.find((name) => name !== searchIndexName);
  if (theirs) return { kind: 'index', index: theirs, created: false };
  if (mode === 'off' && !existing.length) {
    return { kind: 'scan', reason: 'SEARCH_INDEX=off and the database has no full-text index' };
  }
  if (mode === 'off') return { kind: 'index', index: searchIndexName, created: false };
  const targets = await readTargets(db);
  if (!targets.labels.length || !targets.keys.length) {
    return { kind: 'scan', reason: 'the database has nothing to index yet' };
  }
  if (existing.length && (await ownIndexCovers(db, targets))) {
    return { kind: 'index', index: searchIndexName, created: false };
  }
  return createOwnIndex(db, targets);
}

/** After a failed rebuild, how long search goes on scanning before the index is tried again. */
const retryAfterMs = 600_000;

/** The keeper of each database whose search index Entente manages (SEARCH_INDEX=auto). */
const keepers = new WeakMap<Database, SearchIndexKeeper>();

export function searchIndexKeeper(db: Database): SearchIndexKeeper | undefined {
  return keepers.get(db);
}

/**
 * Keeps Entente's own index covering every label and display key while Entente runs. Each search asks
 * `stale` with the catalog's lists (re-read every few seconds); when they name a label or key the index
 * lacks, the index is made again in the background, and search scans until Neo4j has filled it. The
 * database is asked about the index only when the lists changed, so a search costs nothing more otherwise.
 */
export class SearchIndexKeeper {
  /** The label and key lists last compared, and whether the index covered them. */
  private checked?: { names: string; covered: Promise<boolean> };
  private rebuilding?: Promise<void>;
  private failedAt?: number;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  /**
   * Whether Entente's own index misses something the database holds (labels and property keys as the
   * catalog lists them) or is being made again: search should not rely on it then. Starts the rebuild.
   */
  async stale(labels: string[], propertyKeys: string[], fulltextIndexes: string[]): Promise<boolean> {
    if (this.rebuilding) return true;
    // An index of the database's own is searched instead; Entente never replaces it.
    if (fulltextIndexes.some((name) => name !== searchIndexName)) return false;
    const displayKeys = [...captionKeys, 'aliases'].filter((key) => propertyKeys.includes(key));
    if (!labels.length || !displayKeys.length) return false;
    const names = JSON.stringify([[...labels].sort(), displayKeys, fulltextIndexes.includes(searchIndexName)]);
    if (this.checked?.names !== names) {
      const targets = { labels, keys: displayKeys };
      const covered = ownIndexCovers(this.db, targets).catch(() => true);
      this.checked = { names, covered };
    }
    if (await this.checked.covered) return false;
    this.rebuild();
    return true;
  }

  /** Waits for Neo4j to have filled the index (it lists it online), at most an hour. */
  private async untilOnline(): Promise<void> {
    const until = Date.now() + 3_600_000;
    while (Date.now() < until) {
      const { records } = await this.db.read<{ names: string[] }>(cypher['graph/fulltext-indexes']);
      if ((records[0]?.get('names') ?? []).includes(searchIndexName)) return;
      await new Promise((resolve) => setTimeout(resolve, 1_000).unref());
    }
  }

  private rebuild(): void {
    // A database that refused the index is not asked again at every search.
    if (this.failedAt !== undefined && Date.now() - this.failedAt < retryAfterMs) return;
    this.rebuilding ??= (async () => {
      const started = Date.now();
      try {
        // Read again from the database: it names every label, also those the catalog has not listed yet.
        const targets = await readTargets(this.db);
        this.logger.info(
          { index: searchIndexName, labels: targets.labels.length, keys: targets.keys },
          'The graph has labels or keys the search index lacks: making it again (search scans meanwhile)',
        );
        const made = await createOwnIndex(this.db, targets);
        if (made.kind === 'scan') {
          this.failedAt = Date.now();
          this.logger.warn({ reason: made.reason }, `Search scans display properties: ${made.reason}`);
          return;
        }
        await this.untilOnline();
        this.logger.info(
          { index: searchIndexName, ms: Date.now() - started },
          'The search index covers the graph again',
        );
      } catch (error) {
        this.failedAt = Date.now();
        this.logger.warn({ err: error }, 'Could not make the search index again; search scans');
      } finally {
        this.checked = undefined;
        this.rebuilding = undefined;
      }
    })();
  }
}
