import { cypherDate } from '../graph/as-of.js';
import { compose, loadCypher, type Cypher } from '../neo4j/cypher.js';
import { name } from '../neo4j/names.js';
import type { Database } from '../neo4j/database.js';
import {
  dateFields,
  firstDay,
  precisionField,
  precisionOf,
  precisionOfField,
  relationshipId,
  storedDate,
  type Dataset,
  type FactRecord,
  type NodeRecord,
  type RelationshipRecord,
} from './dataset.schema.js';

const cypher = loadCypher('seed/merge-sources', 'seed/merge-nodes', 'seed/merge-relationships', 'seed/merge-mentions');

const batchSize = 500;

/** Drops unset fields so that a record's properties hold only what it states. */
function defined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

/** A `YYYY-MM-DD` day (or a written date, for its first day) as a Neo4j date. */
function toDate(value: string) {
  return cypherDate(firstDay(value));
}

/**
 * A record's stored properties: its fields, with every date as a Neo4j date next to its precision
 * (`since` and `sincePrecision`, …; `endsIn` becomes `until`, the first day after it), and `sources`
 * always a list (empty for outside knowledge).
 */
function factProperties(record: FactRecord, fields: Record<string, unknown>): Record<string, unknown> {
  const { endsIn: _endsIn, ...rest } = fields;
  const properties: Record<string, unknown> = { ...rest };
  for (const field of dateFields) {
    const value = storedDate(record, field);
    if (value === undefined) continue;
    properties[field] = toDate(value);
    properties[precisionField(field)] = precisionOfField(record, field);
  }
  if (record.claim !== undefined) properties.sources = record.sources ?? [];
  return defined(properties);
}

function nodeRow(node: NodeRecord) {
  const { kind, mentionedIn: _mentions, ...fields } = node;
  return { id: node.id, label: kind, properties: factProperties(node, fields) };
}

function relationshipRow(relationship: RelationshipRecord, labelOf: Map<string, string>) {
  const { type, from, to, key: _key, ...fields } = relationship;
  const id = relationshipId(relationship);
  return {
    id,
    type,
    from,
    to,
    fromLabel: labelOf.get(from),
    toLabel: labelOf.get(to),
    properties: factProperties(relationship, { id, ...fields }),
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
async function byLabels<T>(db: Database, template: Cypher, rows: T[], labelsOf: (row: T) => Record<string, string>) {
  const groups = new Map<string, { labels: Record<string, string>; rows: T[] }>();
  for (const row of rows) {
    const labels = labelsOf(row);
    const key = JSON.stringify(labels);
    if (!groups.has(key)) groups.set(key, { labels, rows: [] });
    groups.get(key)!.rows.push(row);
  }
  for (const group of groups.values()) {
    const query = compose(
      template,
      Object.fromEntries(Object.entries(group.labels).map(([slot, label]) => [slot, name(label)])),
    );
    await inBatches(group.rows, (batch) => db.write(query, { rows: batch }));
  }
}

/**
 * Merges the dataset by id, so loading it again changes nothing; a record's properties are replaced
 * by what the files say now. Expects a validated dataset.
 */
export async function loadDataset(db: Database, dataset: Dataset): Promise<void> {
  const sourceRows = dataset.sources.map(({ published, reportsUpTo, ...rest }) => ({
    id: rest.id,
    properties: defined({
      ...rest,
      published: published && toDate(published),
      publishedPrecision: published && precisionOf(published),
      reportsUpTo: reportsUpTo && toDate(reportsUpTo),
      reportsUpToPrecision: reportsUpTo && precisionOf(reportsUpTo),
    }),
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
    node.mentionedIn.map((source) => ({ id: node.id, label: node.kind, source })),
  );
  await byLabels(db, cypher['seed/merge-mentions'], mentionRows, (row) => ({ label: row.label }));
}
