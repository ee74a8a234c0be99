import { Neo4jError } from 'neo4j-driver';
import { captionKeys } from '../graph/mapping.js';
import type { Logger } from '../logger.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { fillTemplate } from '../neo4j/names.js';

const cypher = loadCypher('graph/fulltext-indexes', 'search/index-targets', 'search/own-index');

/** The full-text index Entente creates on databases that have none of their own. */
export const searchIndexName = 'entente_search';

export type SearchIndexMode = 'auto' | 'off';

export type SearchMode = { kind: 'index'; index: string; created: boolean } | { kind: 'scan'; reason: string };

/**
 * With `auto`, gives a database that has no node full-text index one over the properties captions are
 * made of (and `aliases`), for every label it has, with an accent-folding analyzer; then search forgives
 * accents and typos on any graph. An index of Entente's own that no longer covers every label and key (the
 * graph grew since it was made) is made again, so each start covers what the database holds then. Says in
 * the log which mode search uses. Never fails start-up: a database that refuses schema changes keeps the scan.
 */
export async function ensureSearchIndex(db: Database, mode: SearchIndexMode, logger: Logger): Promise<SearchMode> {
  const chosen = await chooseSearchMode(db, mode);
  if (chosen.kind === 'index') {
    logger.info({ index: chosen.index, created: chosen.created }, `Search uses the full-text index ${chosen.index}`);
  } else {
    logger.info({ reason: chosen.reason }, `Search scans display properties: ${chosen.reason}`);
  }
  return chosen;
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
  const targets = await db.read<{ labels: string[]; keys: string[] }>(cypher['search/index-targets'], {
    keys: [...captionKeys, 'aliases'],
  });
  const labels = targets.records[0]?.get('labels') ?? [];
  const keys = targets.records[0]?.get('keys') ?? [];
  if (!labels.length || !keys.length) return { kind: 'scan', reason: 'the database has nothing to index yet' };
  if (existing.length) {
    const own = (
      await db.read<{ labels: string[]; keys: string[] }>(cypher['search/own-index'], { name: searchIndexName })
    ).records[0];
    const covered = (wanted: string[], have: string[] = []) => wanted.every((name) => have.includes(name));
    if (own && covered(labels, own.get('labels')) && covered(keys, own.get('keys'))) {
      return { kind: 'index', index: searchIndexName, created: false };
    }
    await db.write(`DROP INDEX ${fillTemplate('{{name}}', { name: searchIndexName })} IF EXISTS`);
  }
  const statement =
    `CREATE FULLTEXT INDEX ${fillTemplate('{{name}}', { name: searchIndexName })} IF NOT EXISTS ` +
    `FOR (n:${labels.map((label) => fillTemplate('{{label}}', { label })).join('|')}) ` +
    `ON EACH [${keys.map((key) => `n.${fillTemplate('{{key}}', { key })}`).join(', ')}] ` +
    "OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } }";
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
