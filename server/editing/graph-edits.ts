import { createHash, randomBytes } from 'node:crypto';
import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import type { SourceInput } from '../graph/editing.schemas.js';
import type { NodeIdentity } from '../graph/identity.js';
import { toApiEdge, toApiNode } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import { compose, loadCypher, type Cypher, type SlotValue } from '../neo4j/cypher.js';
import type { GraphTransaction, Parameters } from '../neo4j/database.js';
import { firstDay, firstDayAfter, precisionOf } from '../seed/dataset.schema.js';
import { encodeProperties, propertyAssignments, type PropertyValue } from './values.js';

export const cypher = loadCypher(
  'editing/node-by-element-id',
  'editing/node-relationships',
  'editing/relationship-by-element-id',
  'editing/relationship-by-id',
  'editing/node-id-taken',
  'editing/create-node',
  'editing/update-node',
  'editing/update-relationship',
  'editing/delete-node',
  'editing/delete-relationship',
  'editing/create-relationship',
  'editing/new-version',
  'editing/remove-disputes',
  'editing/recreate-node',
  'editing/recreate-relationship',
  'editing/sources-found',
  'editing/merge-source',
  'editing/mention',
  'editing/stamp-nodes',
  'editing/stamp-relationships',
);

/**
 * Entente's own properties on what it edits, all under this prefix: `_entente_version` (bumped by every edit,
 * compared with the version a writer read), `_entente_lastEdit` (the id of the edit in the store that wrote
 * it last: how a crash between the graph's commit and the store's is found, see editing.ts) and
 * `_entente_mergedFrom` (what a merged node held that differed) and `_entente_id` (Entente's own id for what an
 * edit wrote or stood on, set once: edits name entities by it, since Neo4j reuses the elementIds of deleted ones). A key with the prefix is never edited.
 */
export const bookkeepingPrefix = '_entente';
export const versionKey = '_entente_version';

/** A name Entente may give a new label, type or property key: plain, so it reads the same everywhere. */
export const newNamePattern = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export type Props = Record<string, PropertyValue>;

export interface NodeState {
  key: string;
  labels: string[];
  properties: Props;
}

export interface RelationshipState {
  key: string;
  type: string;
  from: string;
  to: string;
  properties: Props;
}

export function versionOf(entity: Neo4jNode | Relationship): number {
  const value: unknown = entity.properties[versionKey];
  return neo4j.isInt(value) ? value.toNumber() : typeof value === 'number' ? value : 0;
}

/** The edit that last wrote an entity (its `_entente_lastEdit`), or null. */
export function lastEditOf(entity: Neo4jNode | Relationship): number | null {
  const value: unknown = entity.properties._entente_lastEdit;
  return neo4j.isInt(value) ? value.toNumber() : typeof value === 'number' ? value : null;
}

/** Entente's own id of an entity (`_entente_id`), or undefined when no edit has written or stood on it. */
export function uidOf(entity: Neo4jNode | Relationship): string | undefined {
  const value: unknown = entity.properties._entente_id;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Gives the entities an edit writes or stands on their `_entente_id` where they have none, in the edit's
 * transaction: their ids by elementId. Called only once an edit is sure to write (nothing when nothing changes).
 */
export async function stamp(
  graph: GraphTransaction,
  kind: 'node' | 'relationship',
  keys: string[],
): Promise<Map<string, string>> {
  const query = kind === 'node' ? cypher['editing/stamp-nodes'] : cypher['editing/stamp-relationships'];
  const records = await run(graph, query, { keys: [...new Set(keys)] });
  const uids = new Map(records.map((record) => [record.get('key') as string, record.get('uid') as string]));
  const missing = keys.find((key) => !uids.has(key));
  if (missing) throw new ProblemError(409, 'gone', 'Conflict', `A ${kind} of this edit is gone.`);
  return uids;
}

export function nodeState(node: Neo4jNode): NodeState {
  return { key: node.elementId, labels: [...node.labels], properties: encodeProperties(node.properties) };
}

export function relationshipState(relationship: Relationship): RelationshipState {
  return {
    key: relationship.elementId,
    type: relationship.type,
    from: relationship.startNodeElementId,
    to: relationship.endNodeElementId,
    properties: encodeProperties(relationship.properties),
  };
}

/** Runs one statement in the edit's graph transaction; `set` fills its `set` slot, `slots` any others. */
export async function run(
  graph: GraphTransaction,
  query: Cypher,
  parameters: Parameters,
  set?: { variable: string; properties: Record<string, PropertyValue | null> },
  slots: Readonly<Record<string, SlotValue>> = {},
) {
  let text = query;
  let values: unknown[] = [];
  if (set) {
    const assignments = propertyAssignments(set.variable, set.properties);
    text = compose(query, { ...slots, set: assignments.set });
    values = assignments.values;
  } else if (query.slots.size) {
    text = compose(query, slots);
  }
  try {
    return (await graph.run(text, { ...parameters, values })).records;
  } catch (error) {
    // A value Neo4j's own functions cannot read (date('2024-13-45')): the request's fault.
    const code = (error as { code?: string }).code ?? '';
    // (Neo4j reports text it cannot read as a date as a syntax error: the statements themselves are fixed.)
    if (set && code.startsWith('Neo.ClientError.Statement.')) {
      throw ProblemError.badRequest(`properties: a value is not valid (${(error as Error).message.split('\n')[0]})`, [
        { location: 'body.properties', message: 'a value is not valid' },
      ]);
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      throw new ProblemError(409, 'constraint', 'Conflict', 'The database refused the write: a value must be unique.');
    }
    throw error;
  }
}

export async function readNode(graph: GraphTransaction, key: string): Promise<Neo4jNode | undefined> {
  const [record] = await run(graph, cypher['editing/node-by-element-id'], { key });
  return record?.get('n') as Neo4jNode | undefined;
}

export interface FoundRelationship {
  r: Relationship;
  a: Neo4jNode;
  b: Neo4jNode;
}

export async function readRelationship(graph: GraphTransaction, key: string): Promise<FoundRelationship | undefined> {
  const [record] = await run(graph, cypher['editing/relationship-by-element-id'], { key });
  return (
    record && { r: record.get('r') as Relationship, a: record.get('a') as Neo4jNode, b: record.get('b') as Neo4jNode }
  );
}

export function apiEdge(found: FoundRelationship, identity: NodeIdentity) {
  return toApiEdge(
    found.r,
    new Map([
      [found.a.elementId, identity.keyOf(found.a)],
      [found.b.elementId, identity.keyOf(found.b)],
    ]),
  );
}

export function apiNode(node: Neo4jNode, identity: NodeIdentity) {
  return toApiNode(node, identity);
}

/** A short readable id for something new: its name as a slug and a random tail. */
export function newId(base: string): string {
  const slug = base
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || 'node'}-${randomBytes(4).toString('hex')}`;
}

export interface CitedSource {
  /** The Source document's id (in the graph where the dataset's model is, else in the history only). */
  id: string;
  given: SourceInput;
}

function sourceIdOf(source: Exclude<SourceInput, { id: string }>): string {
  const basis = 'url' in source ? source.url : `${source.title}\n${source.text}`;
  return `src-${createHash('sha256').update(basis).digest('hex').slice(0, 16)}`;
}

function dateValue(written: string) {
  const [year, month, day] = firstDay(written).split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(year, month, day);
}

/**
 * The sources an edit cites, as Source documents: an existing one must be there; a web page or a pasted text
 * becomes one (once: its id is a hash of the URL or text), where the graph has the dataset's model. On
 * another graph they are kept in the history only, and the entity names them under the prefix.
 */
export async function citeSources(
  graph: GraphTransaction,
  sources: SourceInput[],
  withModel: boolean,
  editId: number,
): Promise<CitedSource[]> {
  const existing = sources.flatMap((source, index) => ('id' in source ? [{ id: source.id, index }] : []));
  if (existing.length) {
    const [record] = await run(graph, cypher['editing/sources-found'], { ids: existing.map((source) => source.id) });
    const found = new Set(record?.get('found') as string[]);
    const missing = existing.find((source) => !found.has(source.id));
    if (missing) {
      throw ProblemError.badRequest(`sources.${missing.index}.id: no Source document has the id "${missing.id}"`, [
        { location: `body.sources.${missing.index}.id`, message: 'no Source document has this id' },
      ]);
    }
  }
  const cited: CitedSource[] = [];
  for (const source of sources) {
    if ('id' in source) {
      cited.push({ id: source.id, given: source });
      continue;
    }
    const id = sourceIdOf(source);
    cited.push({ id, given: source });
    if (!withModel) continue;
    const properties: Parameters = {
      id,
      name: source.title,
      title: source.title,
      ...('url' in source ? { url: source.url } : { text: source.text }),
      ...(source.outlet ? { outlet: source.outlet } : {}),
      ...(source.date ? { published: dateValue(source.date), publishedPrecision: precisionOf(source.date) } : {}),
    };
    await run(graph, cypher['editing/merge-source'], { id, properties, edit: neo4j.int(editId) });
  }
  return [...new Map(cited.map((source) => [source.id, source])).values()];
}

/** Where the dataset's model is, the nodes of a fact are mentioned in the documents stating it. */
export async function mention(graph: GraphTransaction, keys: string[], sources: string[]): Promise<void> {
  await run(graph, cypher['editing/mention'], { keys, sources });
}

/** `since` and `endsIn` written as precisely as known, stored as the dataset stores them. */
export function datedProperties(since: string | undefined, endsIn: string | undefined): Props {
  const props: Props = {};
  if (since) {
    props.since = { type: 'date', value: firstDay(since) };
    props.sincePrecision = precisionOf(since);
  }
  if (endsIn) {
    props.until = { type: 'date', value: firstDayAfter(endsIn) };
    props.untilPrecision = precisionOf(endsIn);
  }
  return props;
}
