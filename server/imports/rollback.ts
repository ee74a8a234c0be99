import { compose, loadCypher, type Cypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { name } from '../neo4j/names.js';
import { loadSql, type Store } from '../store/store.js';
import { loadValue, type Stored } from './values.js';

const cypher = loadCypher(
  'imports/restore-nodes',
  'imports/restore-relationships',
  'imports/delete-relationships',
  'imports/delete-mentions',
  'imports/hand-over-nodes',
  'imports/delete-nodes',
  'imports/hand-over-nodes-any-label',
  'imports/delete-nodes-any-label',
);
const sql = loadSql('imports/changes-page');

const page = 1_000;

interface ChangeRow extends Record<string, unknown> {
  element_id: string;
  kind: 'node' | 'relationship';
  before: Record<string, Stored>;
  added_labels: string[];
  seq: string;
}

/**
 * Undoes an import: what it overwrote on nodes and relationships that were there before it is put back
 * (each key as it was, keys it added removed, labels it added taken off), then what it made is deleted in
 * batches (relationships, then nodes). A node it made that other relationships still use (a Source cited by a
 * later import) is kept and handed to that import. Running it again does nothing more.
 */
export async function rollbackGraph(
  db: Database,
  store: Store,
  importId: string,
  written: { labels: string[]; types: string[] },
): Promise<void> {
  for (let after: string | null = null; ;) {
    const rows: ChangeRow[] = await store.rows<ChangeRow>(sql['imports/changes-page'], [importId, after, page]);
    if (!rows.length) break;
    const decode = (row: ChangeRow) => ({
      element: row.element_id,
      before: Object.fromEntries(Object.entries(row.before).map(([key, value]) => [key, loadValue(value)])),
      addedLabels: row.added_labels,
    });
    const nodes = rows.filter((row) => row.kind === 'node').map(decode);
    const relationships = rows.filter((row) => row.kind === 'relationship').map(decode);
    if (nodes.length) await db.write(cypher['imports/restore-nodes'], { rows: nodes });
    if (relationships.length) await db.write(cypher['imports/restore-relationships'], { rows: relationships });
    after = rows[rows.length - 1]!.seq;
  }
  const repeat = async (query: Cypher) => {
    while (Number((await db.write(query, { import: importId })).records[0]?.get('deleted')) > 0);
  };
  for (const type of written.types) await repeat(compose(cypher['imports/delete-relationships'], { type: name(type) }));
  await repeat(cypher['imports/delete-mentions']);
  for (const label of written.labels) {
    await repeat(compose(cypher['imports/hand-over-nodes'], { label: name(label) }));
    await repeat(compose(cypher['imports/delete-nodes'], { label: name(label) }));
  }
  // Nodes handed to this import by an earlier one's rollback can carry labels this import never wrote.
  await repeat(cypher['imports/hand-over-nodes-any-label']);
  await repeat(cypher['imports/delete-nodes-any-label']);
}
