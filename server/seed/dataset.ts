import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { projectRoot } from '../config.js';
import {
  nodeSchema,
  relationshipId,
  relationshipSchema,
  sourceSchema,
  type Dataset,
  type NodeRecord,
  type RelationshipRecord,
  type SourceRecord,
} from './dataset.schema.js';

export const defaultSeedDir = path.join(projectRoot, 'seeds');

export const seedFiles = {
  sources: 'sources.yaml',
  nodes: 'nodes.yaml',
  relationships: 'relationships.yaml',
} as const;

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';

  constructor(readonly problems: string[]) {
    super(`The seed files are invalid:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  }
}

function describe(file: string, index: number, record: unknown): string {
  const label =
    record && typeof record === 'object'
      ? ((record as Record<string, unknown>).key ?? (record as Record<string, unknown>).id)
      : undefined;
  const relationship = record as Partial<RelationshipRecord> | undefined;
  const name =
    label ??
    (relationship?.type ? `${relationship.from ?? '?'} ${relationship.type} ${relationship.to ?? '?'}` : undefined);
  return `seeds/${file} record ${index + 1}${name ? ` (${String(name)})` : ''}`;
}

/**
 * Parses one file's records. The ids of records that fail their schema go into `rejectedIds`, so that
 * references to them are not reported again as dangling.
 */
function parseRecords<T>(
  file: string,
  text: string,
  schema: z.ZodType<T>,
  problems: string[],
  rejectedIds: Set<string>,
): T[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    problems.push(`seeds/${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return [];
  }
  if (!Array.isArray(data)) {
    problems.push(`seeds/${file}: must be a list of records`);
    return [];
  }
  const records: T[] = [];
  data.forEach((record, index) => {
    const result = schema.safeParse(record);
    if (result.success) {
      records.push(result.data);
      return;
    }
    const id = (record as { id?: unknown } | null)?.id;
    if (typeof id === 'string') rejectedIds.add(id);
    for (const issue of result.error.issues) {
      const field = issue.path.length ? issue.path.join('.') : 'record';
      const detail = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
      problems.push(`${describe(file, index, record)}: ${field}: ${detail}`);
    }
  });
  return records;
}

/** Cross-record checks: unique ids, every reference resolves, dates in order. */
function checkReferences(dataset: Dataset, problems: string[], rejectedIds: Set<string>) {
  const sourceIds = new Set<string>();
  const nodeIds = new Set<string>();
  const seen = (ids: Set<string>, id: string, where: string) => {
    if (sourceIds.has(id) || nodeIds.has(id)) problems.push(`${where}: duplicate id "${id}"`);
    ids.add(id);
  };
  dataset.sources.forEach((source, index) => seen(sourceIds, source.id, describe(seedFiles.sources, index, source)));
  dataset.nodes.forEach((node, index) => seen(nodeIds, node.id, describe(seedFiles.nodes, index, node)));

  const checkFacts = (record: NodeRecord | RelationshipRecord, where: string) => {
    for (const source of record.sources) {
      if (!sourceIds.has(source) && !rejectedIds.has(source))
        problems.push(`${where}: sources: unknown source "${source}"`);
    }
    if (record.since && record.until && record.until < record.since) {
      problems.push(`${where}: until (${record.until}) is before since (${record.since})`);
    }
  };
  dataset.nodes.forEach((node, index) => checkFacts(node, describe(seedFiles.nodes, index, node)));

  const relationshipIds = new Set<string>();
  dataset.relationships.forEach((relationship, index) => {
    const where = describe(seedFiles.relationships, index, relationship);
    checkFacts(relationship, where);
    for (const end of ['from', 'to'] as const) {
      const target = relationship[end];
      if (!nodeIds.has(target) && !rejectedIds.has(target))
        problems.push(`${where}: ${end}: no node has the id "${target}"`);
    }
    const id = relationshipId(relationship);
    if (relationshipIds.has(id)) problems.push(`${where}: duplicate relationship id "${id}" (add a distinct key)`);
    relationshipIds.add(id);
  });
}

export interface SeedTexts {
  sources: string;
  nodes: string;
  relationships: string;
}

/** Parses and checks the three seed files; every problem found is reported at once. */
export function parseDataset(texts: SeedTexts): Dataset {
  const problems: string[] = [];
  const rejectedIds = new Set<string>();
  const dataset: Dataset = {
    sources: parseRecords<SourceRecord>(seedFiles.sources, texts.sources, sourceSchema, problems, rejectedIds),
    nodes: parseRecords<NodeRecord>(seedFiles.nodes, texts.nodes, nodeSchema, problems, rejectedIds),
    relationships: parseRecords<RelationshipRecord>(
      seedFiles.relationships,
      texts.relationships,
      relationshipSchema,
      problems,
      rejectedIds,
    ),
  };
  checkReferences(dataset, problems, rejectedIds);
  if (problems.length) throw new SeedValidationError(problems);
  return dataset;
}

export async function readDataset(dir = defaultSeedDir): Promise<Dataset> {
  const read = (file: string) => readFile(path.join(dir, file), 'utf8');
  return parseDataset({
    sources: await read(seedFiles.sources),
    nodes: await read(seedFiles.nodes),
    relationships: await read(seedFiles.relationships),
  });
}
