import { loadCypher, splitStatements } from './cypher.js';
import type { Database } from './database.js';

const cypher = loadCypher('schema/constraints', 'schema/entity-search-covers', 'schema/drop-entity-search');

/** The labels and keys that constraints.cypher's full-text index is created for. */
export function wantedSearchIndex(statements: string[]): { labels: string[]; keys: string[] } | undefined {
  const create = statements.find((statement) => /CREATE FULLTEXT INDEX entity_search\b/.test(statement));
  const match = create && /FOR \(n:([\w|]+)\)\s*ON EACH \[([^\]]+)\]/.exec(create);
  if (!match) return undefined;
  return {
    labels: match[1]!.split('|'),
    keys: match[2]!.split(',').map((key) => key.trim().replace(/^n\./, '')),
  };
}

/**
 * Creates the constraints and indexes the default dataset relies on; safe to run at every start. The
 * full-text index is made again when it lacks a label or key the file now names (its CREATE is IF NOT
 * EXISTS, which would keep an index made before a kind was added, and search would never find that kind).
 */
export async function applySchema(db: Database): Promise<void> {
  const statements = splitStatements(cypher['schema/constraints']);
  const wanted = wantedSearchIndex(statements.map(String));
  const { records } = await db.read<{ labels: string[]; keys: string[] }>(cypher['schema/entity-search-covers']);
  const existing = records[0];
  if (wanted && existing) {
    const covers = (want: string[], have: string[]) => want.every((name) => have.includes(name));
    if (!covers(wanted.labels, existing.get('labels')) || !covers(wanted.keys, existing.get('keys'))) {
      await db.write(cypher['schema/drop-entity-search']);
    }
  }
  for (const statement of statements) {
    await db.write(statement);
  }
}
