import { stat } from 'node:fs/promises';
import type { ManagedTransaction, Record as Neo4jRecord } from 'neo4j-driver';
import { compose, loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { name, names } from '../neo4j/names.js';
import { Converter, type EndpointRef, type NodeRow, type RelationshipRow, type RowError } from './convert.js';
import { isGraphFormat, type Format, type Mapping } from './mapping.js';
import {
  checkXmlProlog,
  detectEncoding,
  readJson,
  readTable,
  readXml,
  type ByteCounter,
  type Encoding,
  type SourceRecord,
} from './readers.js';
import { storeValue, type Stored } from './values.js';

const cypher = loadCypher(
  'imports/merge-nodes',
  'imports/plan-nodes',
  'imports/resolve-ends',
  'imports/resolve-ends-any-label',
  'imports/merge-relationships',
  'imports/merge-relationships-by-key',
  'imports/end-index',
  'imports/plan-relationships',
  'imports/type-count',
  'imports/merge-sources',
  'imports/node-elements',
  'imports/id-index',
  'imports/created-index',
  'imports/add-labels',
  'nodes/await-indexes',
);

/** Rows written in one transaction (fewer, larger transactions than LOAD CSV's 1,000: fewer round trips). */
export const batchSize = 2_000;
/**
 * The least time one batch's transaction may take. Not the explorer's query timeout (15 s by default): an
 * import runs in the background, and a batch on a busy server may well take longer.
 */
const minBatchTimeoutMs = 120_000;
/** Relationship ends remembered within one import (then forgotten and looked up again). */
const maxResolved = 500_000;
/** Rejected rows listed in full (each with its line); beyond, only counted. */
export const maxListedErrors = 10_000;

/** What an import changed on something that was there before it: restored by a rollback. */
export interface Change {
  kind: 'node' | 'relationship';
  element: string;
  before: Record<string, Stored>;
  addedLabels: string[];
}

export interface Ambiguous {
  line: number;
  value: string;
  matches: number;
  candidates: string[];
}

export interface Counts {
  rows: number;
  rejected: number;
  nodes: { created: number; updated: number; unchanged: number };
  relationships: { created: number; updated: number; unchanged: number };
}

export interface Progress {
  rowsDone: number;
  bytesDone: number;
  counts: Counts;
  newErrors: RowError[];
  newAmbiguous: Ambiguous[];
  written: { labels: string[]; types: string[] };
}

export interface ImportInput {
  importId: string;
  path: string;
  fileName: string;
  format: Format;
  mapping: Mapping;
  encoding?: Encoding;
  dryRun: boolean;
  /** `skip`: rejected rows are left out and the rest imports; `fail`: any rejected row fails the import. */
  rejectedRows: 'skip' | 'fail';
}

export interface ImportHooks {
  /** After each batch; answers true when the import is to stop (cancelled). */
  progress(progress: Progress): Promise<boolean>;
  /** Keeps what a batch overwrote, before the batch commits (in the store). */
  recordChanges(changes: Change[]): Promise<void>;
}

export interface Written {
  labels: Set<string>;
  types: Set<string>;
}

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
}

export class RowsRejected extends Error {
  override name = 'RowsRejected';
}

/** Checks a file can be read at all before its job is answered: its encoding, and an XML file's prolog. */
export async function inspectFile(path: string, format: Format): Promise<{ encoding: Encoding }> {
  if (isGraphFormat(format)) {
    await checkXmlProlog(path);
    return { encoding: 'utf-8' };
  }
  if (format === 'json') return { encoding: 'utf-8' };
  return { encoding: await detectEncoding(path) };
}

function records(input: ImportInput, counter: ByteCounter): AsyncGenerator<SourceRecord> {
  switch (input.format) {
    case 'csv':
    case 'tsv':
      return readTable(input.path, {
        delimiter: input.mapping.delimiter ?? (input.format === 'tsv' ? '\t' : undefined),
        encoding: input.encoding ?? 'utf-8',
        counter,
      });
    case 'json':
      return readJson(input.path, counter);
    case 'graphml':
    case 'gexf':
      return readXml(input.path, input.format, counter);
  }
}

function pairsToMap(pairs: [string, unknown][]): Record<string, Stored> {
  const map: Record<string, Stored> = Object.create(null) as Record<string, Stored>;
  for (const [key, value] of pairs) map[key] = storeValue(value);
  return map;
}

const labelsKey = (labels: string[]) => JSON.stringify(labels);

/**
 * The one import engine (API, explorer and CLI): streams the file's records, converts them by the mapping,
 * and writes them in batches, each one transaction of UNWIND merges by id (running an import twice changes
 * nothing). A dry run reads instead of writing: what would be created and updated, what rows match several
 * nodes, and every rejected row. Throws ImportCancelled when the hooks say stop: the caller rolls back.
 */
export async function runImport(
  db: Database,
  input: ImportInput,
  hooks: ImportHooks,
  /** Filled as batches are written (before they commit): where a rollback after a failure looks. */
  written: Written = { labels: new Set(), types: new Set() },
) {
  const counter: ByteCounter = { bytes: 0 };
  const converter = new Converter(input.mapping, input.fileName);
  const counts: Counts = {
    rows: 0,
    rejected: 0,
    nodes: { created: 0, updated: 0, unchanged: 0 },
    relationships: { created: 0, updated: 0, unchanged: 0 },
  };
  let newErrors: RowError[] = [];
  let newAmbiguous: Ambiguous[] = [];
  let listed = 0;
  let nodes: NodeRow[] = [];
  let relationships: RelationshipRow[] = [];
  const indexed = new Set<string>();
  /** Dry run: nodes this file would make, so that its edges to them are not counted as missing. */
  const planned = new Set<string>();
  const plannedIds = new Set<string>();
  // Its bookmarks join the driver's own (see Database.graphVersion): in a cluster a version read after a batch names it.
  const session = db.driver.session({
    database: db.settings.database,
    bookmarkManager: db.driver.executeQueryBookmarkManager,
  });
  const timeout = Math.max(db.settings.queryTimeoutMs, minBatchTimeoutMs);

  /** Rows rejected while reading, kept with the batch they fall in so that errors stay in line order. */
  let readErrors: RowError[] = [];
  const reject = (error: RowError, into: RowError[] = newErrors) => {
    counts.rejected += 1;
    if (listed < maxListedErrors) {
      listed += 1;
      into.push(error);
    }
    if (input.rejectedRows === 'fail' && !input.dryRun) {
      throw new RowsRejected(`line ${error.line}: ${error.reason}`);
    }
  };

  const ensureIndexes = async (label: string) => {
    if (indexed.has(label) || input.dryRun) return;
    await db.write(compose(cypher['imports/id-index'], { label: name(label) }));
    await db.write(compose(cypher['imports/created-index'], { label: name(label) }));
    await db.write(cypher['nodes/await-indexes']);
    indexed.add(label);
  };

  const mentionsOf = (element: string, id: string, sources: string[]) =>
    sources.map((source) => ({ element, source, id: `${id}_mentioned_in_${source}` }));

  const flushNodes = async (batch: NodeRow[]) => {
    if (!batch.length) return;
    const groups = new Map<string, NodeRow[]>();
    for (const row of batch) {
      const key = labelsKey(row.labels);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    for (const rows of groups.values()) await ensureIndexes(rows[0]!.labels[0]!);
    if (input.dryRun) {
      for (const rows of groups.values()) {
        const [label, ...others] = rows[0]!.labels as [string, ...string[]];
        const { records: plan } = await db.read(compose(cypher['imports/plan-nodes'], { label: name(label) }), {
          rows: rows.map((row) => ({ line: row.line, id: row.id, properties: row.properties })),
          labels: others,
        });
        for (const record of plan) {
          const matches = Number(record.get('matches'));
          if (matches === 0) {
            counts.nodes.created += 1;
            planned.add(`${label}\u0000${record.get('id')}`);
            plannedIds.add(String(record.get('id')));
          } else if (matches > 1) {
            newAmbiguous.push({
              line: Number(record.get('line')),
              value: String(record.get('id')),
              matches,
              candidates: [],
            });
          } else if (record.get('changes')) counts.nodes.updated += 1;
          else counts.nodes.unchanged += 1;
        }
      }
      return;
    }
    await session.executeWrite(
      async (tx) => {
        const changes: Change[] = [];
        for (const rows of groups.values()) {
          const [label, ...others] = rows[0]!.labels as [string, ...string[]];
          const query = compose(cypher['imports/merge-nodes'], {
            label: name(label),
            labels: others.length ? compose(cypher['imports/add-labels'], { labels: names(others, ':') }) : [],
          });
          const result = await tx.run(query, {
            rows: rows.map((row) => ({ id: row.id, properties: row.properties })),
            labels: others,
            import: input.importId,
          });
          const record = result.records[0]!;
          counts.nodes.created += Number(record.get('created'));
          counts.nodes.updated += Number(record.get('updated'));
          counts.nodes.unchanged += rows.length - Number(record.get('created')) - Number(record.get('updated'));
          for (const change of record.get('changes') as {
            element: string;
            before: [string, unknown][];
            addedLabels: string[];
          }[]) {
            changes.push({
              kind: 'node',
              element: change.element,
              before: pairsToMap(change.before),
              addedLabels: change.addedLabels,
            });
          }
          rows[0]!.labels.forEach((name) => written.labels.add(name));
          const sourced = rows.filter((row) => row.sources.length);
          if (sourced.length) {
            const { records: elements } = await tx.run(
              compose(cypher['imports/node-elements'], { label: name(label) }),
              {
                ids: sourced.map((row) => row.id),
              },
            );
            const elementOf = new Map(
              elements.map((element) => [element.get('id') as string, element.get('element') as string]),
            );
            await linkSources(
              tx,
              sourced.flatMap((row) => mentionsOf(elementOf.get(row.id)!, row.id, row.sources)),
            );
          }
        }
        await hooks.recordChanges(changes);
      },
      { timeout },
    );
  };

  const linkSources = async (tx: ManagedTransaction, mentions: { element: string; source: string; id: string }[]) => {
    if (!mentions.length) return;
    await tx.run(cypher['imports/merge-sources'], {
      sources: [...new Set(mentions.map((mention) => mention.source))],
      mentions,
      import: input.importId,
    });
    written.labels.add('Source');
    written.types.add('MENTIONED_IN');
  };

  /** Ends already looked up in this run: by label and key (`refGroup`), then by value. */
  const resolved = new Map<string, Map<string, { matches: number; elements: string[] }>>();
  let resolvedCount = 0;
  /** An end's label and key as one text (labels are never empty and hold no control characters). */
  const refGroup = (ref: EndpointRef) => `${ref.label ?? ''}\u0000${ref.key}`;

  const missingEnd = (side: 'from' | 'to', ref: EndpointRef) =>
    `${side}: no node${ref.label ? ` of ${ref.label}` : ''} has ${ref.key} "${ref.value}" (a relationship to a missing node)`;
  const ambiguousEnd = (side: 'from' | 'to', ref: EndpointRef, matches: number) =>
    `${side}: "${ref.value}" matches ${matches} nodes${ref.label ? ` of ${ref.label}` : ''} (ambiguous)`;

  /** The elementId each end names, or a row error: a missing node, or several (ambiguous). */
  const resolveEnds = async (batch: RelationshipRow[]) => {
    if (resolvedCount > maxResolved) {
      resolved.clear();
      resolvedCount = 0;
    }
    // Ends found for earlier batches of this file are not looked up again (a node is often many rows' end).
    const unknown = new Map<string, { ref: EndpointRef; values: Set<string> }>();
    const note = (ref: EndpointRef) => {
      const key = refGroup(ref);
      if (resolved.get(key)?.has(ref.value)) return;
      const group = unknown.get(key);
      if (group) group.values.add(ref.value);
      else unknown.set(key, { ref, values: new Set([ref.value]) });
    };
    for (const row of batch) {
      note(row.from);
      note(row.to);
    }
    for (const [key, { ref, values }] of unknown) {
      const query = ref.label
        ? compose(cypher['imports/resolve-ends'], { label: name(ref.label), key: name(ref.key) })
        : compose(cypher['imports/resolve-ends-any-label'], { key: name(ref.key) });
      const { records: resolvedRecords } = await db.read(query, { values: [...values] });
      let found = resolved.get(key);
      if (!found) resolved.set(key, (found = new Map<string, { matches: number; elements: string[] }>()));
      for (const record of resolvedRecords) {
        found.set(record.get('value') as string, {
          matches: Number(record.get('matches')),
          elements: record.get('elements') as string[],
        });
        resolvedCount += 1;
      }
    }
    const ready: (RelationshipRow & { fromElement?: string; toElement?: string; planned: boolean })[] = [];
    for (const row of batch) {
      const ends: (string | undefined)[] = [];
      let planned = false;
      let failed = false;
      for (const [side, ref] of [
        ['from', row.from],
        ['to', row.to],
      ] as const) {
        const match = resolved.get(refGroup(ref))?.get(ref.value);
        if (match?.matches === 1) ends.push(match.elements[0]);
        else if (input.dryRun && ref.key === 'id' && planned_(ref)) {
          ends.push(undefined);
          planned = true;
        } else if (match && match.matches > 1) {
          newAmbiguous.push({ line: row.line, value: ref.value, matches: match.matches, candidates: match.elements });
          reject({ line: row.line, reason: ambiguousEnd(side, ref, match.matches) });
          failed = true;
          break;
        } else {
          reject({ line: row.line, reason: missingEnd(side, ref) });
          failed = true;
          break;
        }
      }
      if (!failed) ready.push({ ...row, fromElement: ends[0], toElement: ends[1], planned });
    }
    return ready;
  };
  const planned_ = (ref: EndpointRef) =>
    ref.label ? planned.has(`${ref.label}\u0000${ref.value}`) : plannedIds.has(ref.value);

  /** Whether an index serves `label`'s `key`, read once a run (an index this import made is known without). */
  const endIndexes = new Map<string, Promise<boolean>>();
  const indexServes = (label: string, key: string) => {
    if (key === 'id' && indexed.has(label)) return Promise.resolve(true);
    const id = `${label}\u0000${key}`;
    if (!endIndexes.has(id)) {
      endIndexes.set(
        id,
        db.read(cypher['imports/end-index'], { label, key }).then(({ records }) => records[0]?.get('indexed') === true),
      );
    }
    return endIndexes.get(id)!;
  };
  /** Ends named by an indexed key of a label are found in the write itself; others are resolved first. */
  const byKey = async (row: RelationshipRow) =>
    row.from.label !== undefined &&
    row.to.label !== undefined &&
    (await indexServes(row.from.label, row.from.key)) &&
    (await indexServes(row.to.label, row.to.key));

  /** Whether the graph holds a relationship of `type`, read once a run (a dry run's rows of a type it lacks are all new). */
  const typesInUse = new Map<string, Promise<boolean>>();
  const typeInUse = (type: string) => {
    if (!typesInUse.has(type)) {
      const query = compose(cypher['imports/type-count'], { type: name(type) });
      typesInUse.set(
        type,
        db.read(query).then(({ records }) => Number(records[0]?.get('count')) > 0),
      );
    }
    return typesInUse.get(type)!;
  };

  const planRelationships = async (batch: RelationshipRow[]) => {
    const ready = await resolveEnds(batch);
    const groups = new Map<string, typeof ready>();
    for (const row of ready) {
      const group = groups.get(row.type);
      if (group) group.push(row);
      else groups.set(row.type, [row]);
    }
    for (const [type, rows] of groups) {
      const known = rows.filter((row) => !row.planned);
      counts.relationships.created += rows.length - known.length;
      if (!known.length) continue;
      if (!(await typeInUse(type))) {
        counts.relationships.created += known.length;
        continue;
      }
      const { records: plan } = await db.read(compose(cypher['imports/plan-relationships'], { type: name(type) }), {
        rows: known.map((row) => [row.id, row.fromElement, row.toElement, row.properties]),
      });
      for (const record of plan) {
        if (Number(record.get('matches')) === 0) counts.relationships.created += 1;
        else if (record.get('changes')) counts.relationships.updated += 1;
        else counts.relationships.unchanged += 1;
      }
    }
  };

  /** What one batch's write did: applied to the counts once it has committed (a retried transaction counts once). */
  interface Outcome {
    created: number;
    updated: number;
    unchanged: number;
    rejected: { error: RowError; ambiguous?: Ambiguous }[];
  }

  /**
   * What one merge statement of relationships reports (created, updated, the values it overwrote), added to
   * `outcome`; `settled`: its rows that were neither rejected nor created nor updated.
   */
  const relationshipMergeOutcome = (record: Neo4jRecord, settled: number, outcome: Outcome): Change[] => {
    const created = Number(record.get('created'));
    const updated = Number(record.get('updated'));
    outcome.created += created;
    outcome.updated += updated;
    outcome.unchanged += settled - created - updated;
    return (record.get('changes') as { element: string; before: [string, unknown][] }[]).map((change) => ({
      kind: 'relationship',
      element: change.element,
      before: pairsToMap(change.before),
      addedLabels: [],
    }));
  };

  /** Rows of one type whose ends are found in the write (merge-relationships-by-key.cypher). */
  const mergeByKey = async (tx: ManagedTransaction, type: string, rows: RelationshipRow[], outcome: Outcome) => {
    const [{ from, to }] = rows as [RelationshipRow];
    const cite = rows.some((row) => row.sources.length > 0);
    const query = compose(cypher['imports/merge-relationships-by-key'], {
      type: name(type),
      fromLabel: name(from.label!),
      fromKey: name(from.key),
      toLabel: name(to.label!),
      toKey: name(to.key),
    });
    const result = await tx.run(query, {
      rows: rows.map((row) => [row.id, row.from.value, row.to.value, row.properties]),
      import: input.importId,
      cite,
    });
    const record = result.records[0]!;
    const rejected = record.get('rejected') as {
      id: string;
      from: unknown;
      fromCandidates: string[];
      to: unknown;
      toCandidates: string[];
    }[];
    const changes = relationshipMergeOutcome(record, rows.length - rejected.length, outcome);
    if (rejected.length) {
      const rowOf = new Map(rows.map((row) => [row.id, row]));
      for (const failure of rejected) {
        const row = rowOf.get(failure.id)!;
        // The first end that does not name exactly one node, as resolveEnds says it.
        const [side, ref, matches, candidates] =
          Number(failure.from) !== 1
            ? (['from', row.from, Number(failure.from), failure.fromCandidates] as const)
            : (['to', row.to, Number(failure.to), failure.toCandidates] as const);
        outcome.rejected.push(
          matches > 1
            ? {
                error: { line: row.line, reason: ambiguousEnd(side, ref, matches) },
                ambiguous: { line: row.line, value: ref.value, matches, candidates },
              }
            : { error: { line: row.line, reason: missingEnd(side, ref) } },
        );
      }
      if (input.rejectedRows === 'fail') {
        const first = outcome.rejected.reduce((a, b) => (b.error.line < a.error.line ? b : a)).error;
        throw new RowsRejected(`line ${first.line}: ${first.reason}`);
      }
    }
    if (cite) {
      const endsOf = new Map((record.get('ends') as [string, string, string][]).map(([id, a, b]) => [id, [a, b]]));
      await linkSources(
        tx,
        rows.flatMap((row) => {
          const ends = row.sources.length ? endsOf.get(row.id) : undefined;
          return ends
            ? [...mentionsOf(ends[0]!, row.from.value, row.sources), ...mentionsOf(ends[1]!, row.to.value, row.sources)]
            : [];
        }),
      );
    }
    return changes;
  };

  /** Rows of one type whose ends were resolved to elementIds first (merge-relationships.cypher). */
  const mergeResolved = async (
    tx: ManagedTransaction,
    type: string,
    rows: (RelationshipRow & { fromElement?: string; toElement?: string })[],
    outcome: Outcome,
  ) => {
    const result = await tx.run(compose(cypher['imports/merge-relationships'], { type: name(type) }), {
      rows: rows.map((row) => ({
        id: row.id,
        from: row.fromElement,
        to: row.toElement,
        properties: row.properties,
      })),
      import: input.importId,
    });
    const changes = relationshipMergeOutcome(result.records[0]!, rows.length, outcome);
    await linkSources(
      tx,
      rows.flatMap((row) =>
        row.sources.length
          ? [
              ...mentionsOf(row.fromElement!, row.from.value, row.sources),
              ...mentionsOf(row.toElement!, row.to.value, row.sources),
            ]
          : [],
      ),
    );
    return changes;
  };

  const flushRelationships = async (batch: RelationshipRow[]) => {
    if (!batch.length) return;
    if (input.dryRun) return planRelationships(batch);
    // By type and how their ends are named; the ends of a group named by indexed keys are found in the write.
    const shapes = new Map<string, RelationshipRow[]>();
    for (const row of batch) {
      const key = `${row.type}\u0000${row.from.label}\u0000${row.from.key}\u0000${row.to.label}\u0000${row.to.key}`;
      const group = shapes.get(key);
      if (group) group.push(row);
      else shapes.set(key, [row]);
    }
    const direct: RelationshipRow[][] = [];
    const others: RelationshipRow[] = [];
    for (const rows of shapes.values()) {
      if (await byKey(rows[0]!)) direct.push(rows);
      else others.push(...rows);
    }
    const resolvedGroups = new Map<string, Awaited<ReturnType<typeof resolveEnds>>>();
    for (const row of others.length ? await resolveEnds(others) : []) {
      const group = resolvedGroups.get(row.type);
      if (group) group.push(row);
      else resolvedGroups.set(row.type, [row]);
    }
    const outcome = await session.executeWrite(
      async (tx) => {
        const outcome: Outcome = { created: 0, updated: 0, unchanged: 0, rejected: [] };
        const changes: Change[] = [];
        for (const rows of direct) {
          written.types.add(rows[0]!.type);
          changes.push(...(await mergeByKey(tx, rows[0]!.type, rows, outcome)));
        }
        for (const [type, rows] of resolvedGroups) {
          written.types.add(type);
          changes.push(...(await mergeResolved(tx, type, rows, outcome)));
        }
        await hooks.recordChanges(changes);
        return outcome;
      },
      { timeout },
    );
    counts.relationships.created += outcome.created;
    counts.relationships.updated += outcome.updated;
    counts.relationships.unchanged += outcome.unchanged;
    for (const { error, ambiguous } of outcome.rejected) {
      if (ambiguous) newAmbiguous.push(ambiguous);
      reject(error);
    }
  };

  const report = async (rowsDone: number, bytesDone: number) => {
    newErrors.sort((a, b) => a.line - b.line);
    const stop = await hooks.progress({
      rowsDone,
      bytesDone,
      counts,
      newErrors,
      newAmbiguous,
      written: { labels: [...written.labels], types: [...written.types] },
    });
    newErrors = [];
    newAmbiguous = [];
    if (stop) throw new ImportCancelled('cancelled');
  };

  /**
   * Writes what has been read so far (nodes before relationships), then reports. It runs while the next
   * batch is read and converted: reading (JavaScript) and writing (Neo4j) overlap, one batch in flight.
   */
  const write = (withRelationships: boolean) => {
    const nodeBatch = nodes;
    const relationshipBatch = withRelationships ? relationships : [];
    const errors = readErrors;
    nodes = [];
    if (withRelationships) relationships = [];
    readErrors = [];
    const rowsDone = counts.rows;
    const bytesDone = counter.bytes;
    return async () => {
      newErrors.push(...errors);
      await flushNodes(nodeBatch);
      await flushRelationships(relationshipBatch);
      await report(rowsDone, bytesDone);
    };
  };
  let inFlight: Promise<void> = Promise.resolve();
  const launch = async (work: () => Promise<void>) => {
    await inFlight;
    inFlight = work();
    // Awaited before the next batch starts (or at the end); marked handled meanwhile.
    inFlight.catch(() => undefined);
  };

  try {
    for await (const record of records(input, counter)) {
      counts.rows += 1;
      const converted = converter.convert(record);
      if (converted.kind === 'error') reject(converted.error, readErrors);
      else if (converted.kind === 'node') nodes.push(converted.row);
      else relationships.push(converted.row);
      if (relationships.length >= batchSize) await launch(write(true));
      else if (nodes.length >= batchSize) await launch(write(false));
    }
    await inFlight;
    counter.bytes = (await stat(input.path)).size;
    await launch(write(true));
    await inFlight;
  } finally {
    // A batch still in flight (after a failure while reading) ends before the session closes.
    await inFlight.catch(() => undefined);
    await session.close();
  }
  return { counts, written: { labels: [...written.labels], types: [...written.types] } };
}
