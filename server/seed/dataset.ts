import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { projectRoot } from '../config.js';
import {
  figureFields,
  firstDay,
  nodeSchema,
  relationshipId,
  relationshipSchema,
  sourceSchema,
  untilOf,
  type Dataset,
  type FactRecord,
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
  const fields = record && typeof record === 'object' ? (record as Record<string, unknown>) : {};
  const key = fields.key ?? fields.id;
  const label = typeof key === 'string' || typeof key === 'number' ? String(key) : undefined;
  const relationship = record as Partial<RelationshipRecord> | undefined;
  const name =
    label ??
    (relationship?.type ? `${relationship.from ?? '?'} ${relationship.type} ${relationship.to ?? '?'}` : undefined);
  return `seeds/${file} record ${index + 1}${name ? ` (${name})` : ''}`;
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

/** A record's period as first-day strings; an open end is written as the far past or future. */
function period(record: FactRecord): [string, string] {
  return [record.since ? firstDay(record.since) : '0000-01-01', untilOf(record) ?? '9999-12-31'];
}

function figures(record: FactRecord): string {
  return JSON.stringify(figureFields.map((field) => record[field] ?? null));
}

/**
 * Cross-record checks: unique ids, every reference resolves, a claim cites only documents that mention
 * what it links, dates in order, end events and conflict groups consistent.
 */
function checkReferences(dataset: Dataset, problems: string[], rejectedIds: Set<string>) {
  const sourceIds = new Set<string>();
  const nodeIds = new Set<string>();
  const seen = (ids: Set<string>, id: string, where: string) => {
    if (sourceIds.has(id) || nodeIds.has(id)) problems.push(`${where}: duplicate id "${id}"`);
    ids.add(id);
  };
  dataset.sources.forEach((source, index) => seen(sourceIds, source.id, describe(seedFiles.sources, index, source)));
  dataset.nodes.forEach((node, index) => seen(nodeIds, node.id, describe(seedFiles.nodes, index, node)));
  const nodes = new Map(dataset.nodes.map((node) => [node.id, node]));
  const known = (source: string) => sourceIds.has(source) || rejectedIds.has(source);

  const groups = new Map<string, { where: string; record: FactRecord }[]>();
  /** `evidence`: the documents that mention what the record is about; its sources must be among them. */
  const checkFacts = (record: FactRecord, where: string, evidence: Set<string> | undefined) => {
    for (const source of record.sources ?? []) {
      if (!known(source)) problems.push(`${where}: sources: unknown source "${source}"`);
      else if (evidence && !evidence.has(source))
        problems.push(
          `${where}: sources: "${source}" does not mention ${describeEvidence(record)}, so it cannot support the claim`,
        );
    }
    const [start, end] = period(record);
    if (record.endsIn && end <= start) {
      problems.push(
        `${where}: endsIn (${record.endsIn}) is before since (${record.since}): the fact cannot end before it begins`,
      );
    }
    if (record.endedBy) {
      const event = nodes.get(record.endedBy);
      if (!event) {
        if (!rejectedIds.has(record.endedBy))
          problems.push(`${where}: endedBy: no node has the id "${record.endedBy}"`);
      } else if (!event.since) {
        problems.push(`${where}: endedBy: "${record.endedBy}" has no date (since) to end anything`);
      } else if (record.endsIn !== event.since) {
        problems.push(
          `${where}: endsIn: ended by "${event.id}" (${event.since}), so endsIn is that period: '${event.since}' (until, the first day after it, is derived)`,
        );
      }
    }
    if (record.disputes) {
      const members = groups.get(record.disputes) ?? [];
      members.push({ where, record });
      groups.set(record.disputes, members);
    }
  };
  const describeEvidence = (record: FactRecord) =>
    'from' in record ? `both "${record.from}" and "${record.to}"` : `"${record.id}" (not in its mentionedIn)`;

  dataset.nodes.forEach((node, index) => {
    const where = describe(seedFiles.nodes, index, node);
    for (const source of node.mentionedIn) {
      if (!known(source)) problems.push(`${where}: mentionedIn: unknown source "${source}"`);
    }
    checkFacts(node, where, new Set(node.mentionedIn));
  });

  const relationshipIds = new Set<string>();
  dataset.relationships.forEach((relationship, index) => {
    const where = describe(seedFiles.relationships, index, relationship);
    const ends = [nodes.get(relationship.from), nodes.get(relationship.to)];
    const evidence =
      ends[0] && ends[1]
        ? new Set(ends[0].mentionedIn.filter((source) => ends[1]!.mentionedIn.includes(source)))
        : undefined;
    checkFacts(relationship, where, evidence);
    for (const end of ['from', 'to'] as const) {
      const target = relationship[end];
      if (!nodeIds.has(target) && !rejectedIds.has(target))
        problems.push(`${where}: ${end}: no node has the id "${target}"`);
    }
    const id = relationshipId(relationship);
    if (relationshipIds.has(id)) problems.push(`${where}: duplicate relationship id "${id}" (add a distinct key)`);
    relationshipIds.add(id);
  });

  checkParties(dataset, problems, rejectedIds);
  checkPositions(dataset, problems, rejectedIds);

  for (const [group, members] of groups) {
    const first = members[0]!;
    if (members.length < 2) {
      problems.push(`${first.where}: disputes: the group "${group}" has no other record to compare with`);
      continue;
    }
    if (new Set(members.map(({ record }) => figures(record))).size < 2)
      problems.push(`${first.where}: disputes: every record of "${group}" states the same figures`);
    else if (
      members.every((member, index) =>
        members.slice(index + 1).every((other) => compatible(member.record, other.record)),
      )
    )
      problems.push(
        `${first.where}: disputes: the figures of "${group}" can all be true at once (${members.map(({ record }) => describeFigures(record)).join('; ')}), so they do not disagree: positions in a negotiation are Positions, side by side`,
      );
    members.forEach((member, index) => {
      for (const other of members.slice(index + 1)) {
        const [a, b] = [period(member.record), period(other.record)];
        if (!(a[0] < b[1] && b[0] < a[1]))
          problems.push(
            `${other.where}: disputes: its period does not overlap that of ${member.where.replace(/^seeds\/\S+ /, '')}, so "${group}" would compare different facts`,
          );
      }
    });
  }
}

/** How far a figure written "about" may be from the true value: 5 % either way. */
export const aboutTolerance = 0.05;
/** How far below the figure "nearly" may be: 10 %. */
export const nearlyTolerance = 0.1;

type Interval = [low: number, high: number, lowOpen: boolean];

/** What the compatibility of figures reads of a record: its figures and its hedges. */
export type Figures = Partial<Pick<RelationshipRecord, (typeof figureFields)[number] | 'qualifier'>>;

/** The values a record's figure allows, given its hedges ("more than 13": above 13; "up to 20": 0 to 20). */
function interval(value: number, qualifier: Figures['qualifier']): Interval {
  const hedges = new Set(Array.isArray(qualifier) ? qualifier : qualifier ? [qualifier] : []);
  if (hedges.has('more than')) return [value, Infinity, true];
  if (hedges.has('up to')) return [0, value, false];
  if (hedges.has('nearly')) return [value * (1 - nearlyTolerance), value, false];
  if (hedges.has('about')) return [value * (1 - aboutTolerance), value * (1 + aboutTolerance), false];
  return [value, value, false];
}

/** Each figure of a record as the interval it allows; a range (percentMin–percentMax) is one percent interval. */
function figureIntervals(record: Figures): Map<string, Interval> {
  const result = new Map<string, Interval>();
  for (const field of figureFields) {
    const value = record[field];
    if (typeof value !== 'number' || field === 'percentMin' || field === 'percentMax') continue;
    result.set(field, interval(value, record.qualifier));
  }
  if (record.percentMin !== undefined || record.percentMax !== undefined)
    result.set('percent', [record.percentMin ?? 0, record.percentMax ?? Infinity, false]);
  return result;
}

/**
 * Whether two records' figures can both be true: every figure they both give allows a common value.
 * "More than $13 billion" and "about $14 billion" can; "$13 billion" and "about $14 billion" cannot.
 */
export function compatible(a: Figures, b: Figures): boolean {
  const [left, right] = [figureIntervals(a), figureIntervals(b)];
  for (const [field, [lowA, highA, openA]] of left) {
    const other = right.get(field);
    if (!other) continue;
    const [lowB, highB, openB] = other;
    const low = Math.max(lowA, lowB);
    const high = Math.min(highA, highB);
    const lowIsOpen = (lowA === low && openA) || (lowB === low && openB);
    if (low > high || (low === high && lowIsOpen)) return false;
  }
  return true;
}

function describeFigures(record: FactRecord): string {
  const hedge = Array.isArray(record.qualifier) ? record.qualifier.join(' ') : record.qualifier;
  const values = figureFields
    .filter((field) => record[field] !== undefined)
    .map((field) => `${field} ${record[field]}`);
  return [hedge, ...values].filter(Boolean).join(' ');
}

/**
 * A Position is held by at least one actor (`HOLDS`) and is about exactly one thing (`POSITION_ON`: an Issue, a
 * project, a complaint); `TOWARDS` names the other side, `REPORTED_BY` the outlet.
 */
function checkPositions(dataset: Dataset, problems: string[], rejectedIds: Set<string>) {
  const nodes = new Map(dataset.nodes.map((node) => [node.id, node]));
  const isActor = (id: string) => actorKinds.has(nodes.get(id)?.kind ?? '') || rejectedIds.has(id);
  dataset.nodes.forEach((node, index) => {
    if (node.kind !== 'Position') return;
    const where = describe(seedFiles.nodes, index, node);
    const holders = dataset.relationships.filter((r) => r.type === 'HOLDS' && r.to === node.id && isActor(r.from));
    const subjects = dataset.relationships.filter((r) => r.type === 'POSITION_ON' && r.from === node.id);
    if (!holders.length)
      problems.push(`${where}: a position needs its holder: a company, person or regulator HOLDS it`);
    if (subjects.length !== 1)
      problems.push(
        `${where}: a position is POSITION_ON exactly one subject (an Issue, a project…); it has ${subjects.length}`,
      );
  });
}

/** Kinds that can be a party: the actors. */
const actorKinds = new Set<string>(['Company', 'Person', 'Regulator']);

/**
 * Every deal has its parties and every event its participants, so that a party's neighbourhood, timeline
 * and paths show them: a Deal has at least two actors `PARTY_TO` it (a contract clause is part of its
 * contract instead), an Event at least one actor `INVOLVED` in it, and `PARTY_TO` points only at a Deal.
 */
function checkParties(dataset: Dataset, problems: string[], rejectedIds: Set<string>) {
  const nodes = new Map(dataset.nodes.map((node) => [node.id, node]));
  const parties = new Map<string, Set<string>>();
  dataset.relationships.forEach((relationship, index) => {
    const target = nodes.get(relationship.to);
    const source = nodes.get(relationship.from);
    if (!target) return;
    if (relationship.type === 'PARTY_TO' && target.kind !== 'Deal')
      problems.push(
        `${describe(seedFiles.relationships, index, relationship)}: to: PARTY_TO points at a Deal; "${target.id}" is a ${target.kind} (its participants are INVOLVED)`,
      );
    const partyType = target.kind === 'Deal' ? 'PARTY_TO' : 'INVOLVED';
    // A party whose own record was rejected still counts: its problem is reported once, on that record.
    const actor = source ? actorKinds.has(source.kind) : rejectedIds.has(relationship.from);
    if (relationship.type === partyType && actor) {
      const known = parties.get(target.id) ?? new Set<string>();
      known.add(relationship.from);
      parties.set(target.id, known);
    }
  });
  dataset.nodes.forEach((node, index) => {
    const count = parties.get(node.id)?.size ?? 0;
    const where = describe(seedFiles.nodes, index, node);
    if (node.kind === 'Deal' && node.dealType !== 'contract clause' && count < 2)
      problems.push(`${where}: a deal needs its parties: at least two companies, people or regulators PARTY_TO it`);
    if (node.kind === 'Event' && count < 1)
      problems.push(
        `${where}: an event needs its participants: at least one company, person or regulator INVOLVED in it`,
      );
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
