import { loadCypher } from '../neo4j/cypher.js';
import { fillTemplate } from '../neo4j/names.js';
import type { Database } from '../neo4j/database.js';
import {
  precisionOf,
  relationshipId,
  type Dataset,
  type NodeRecord,
  type RelationshipRecord,
} from './dataset.schema.js';

const cypher = loadCypher('seed/merge-sources', 'seed/merge-nodes', 'seed/merge-relationships', 'seed/merge-mentions');

const batchSize = 500;

/** Drops unset fields so `SET x += properties` never writes nulls for what a record leaves out. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

function temporal(record: { since?: string; until?: string }) {
  return {
    since: record.since ?? null,
    until: record.until ?? null,
    precision: defined({
      sincePrecision: record.since && precisionOf(record.since),
      untilPrecision: record.until && precisionOf(record.until),
    }),
  };
}

function nodeRow(node: NodeRecord) {
  const { id, kind, since, until, ...rest } = node;
  const time = temporal({ since, until });
  return { id, label: kind, since: time.since, until: time.until, properties: defined({ ...rest, ...time.precision }) };
}

function relationshipRow(relationship: RelationshipRecord, labelOf: Map<string, string>) {
  const { type, from, to, key: _key, since, until, ...rest } = relationship;
  const time = temporal({ since, until });
  return {
    id: relationshipId(relationship),
    type,
    from,
    to,
    fromLabel: labelOf.get(from),
    toLabel: labelOf.get(to),
    since: time.since,
    until: time.until,
    properties: defined({ ...rest, ...time.precision }),
  };
}

async function inBatches<T>(rows: T[], run: (batch: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += batchSize) {
    await run(rows.slice(start, start + batchSize));
  }
}

/**
 * Runs a template once per group of rows that share its label slots. The labels are the dataset's own
 * kinds (checked by its schema), written into the query so that lookups seek the id constraints.
 */
async function byLabels<T>(db: Database, template: string, rows: T[], labelsOf: (row: T) => Record<string, string>) {
  const groups = new Map<string, { labels: Record<string, string>; rows: T[] }>();
  for (const row of rows) {
    const labels = labelsOf(row);
    const key = JSON.stringify(labels);
    if (!groups.has(key)) groups.set(key, { labels, rows: [] });
    groups.get(key)!.rows.push(row);
  }
  for (const group of groups.values()) {
    const query = fillTemplate(template, group.labels);
    await inBatches(group.rows, (batch) => db.write(query, { rows: batch }));
  }
}

/** Merges the dataset by id, so loading it again changes nothing. Expects a validated dataset. */
export async function loadDataset(db: Database, dataset: Dataset): Promise<void> {
  const sourceRows = dataset.sources.map(({ id, published, ...rest }) => ({
    id,
    published: published ?? null,
    properties: defined({ ...rest, publishedPrecision: published && precisionOf(published) }),
  }));
  await inBatches(sourceRows, (rows) => db.write(cypher['seed/merge-sources'], { rows }));
  await byLabels(db, cypher['seed/merge-nodes'], dataset.nodes.map(nodeRow), (row) => ({ label: row.label }));

  const labelOf = new Map(dataset.nodes.map((node) => [node.id, node.kind as string]));
  for (const source of dataset.sources) labelOf.set(source.id, 'Source');
  const relationshipRows = dataset.relationships.map((relationship) => relationshipRow(relationship, labelOf));
  await byLabels(db, cypher['seed/merge-relationships'], relationshipRows, (row) => ({
    fromLabel: row.fromLabel!,
    toLabel: row.toLabel!,
  }));

  const mentionRows = dataset.nodes.flatMap((node) =>
    node.sources.map((source) => ({ id: node.id, label: node.kind, source })),
  );
  await byLabels(db, cypher['seed/merge-mentions'], mentionRows, (row) => ({ label: row.label }));
}
