import type { DatingEntry } from '../api/api.js';
import { dict, own } from '../app/records.js';
import { fingerprint } from '../../../shared/fingerprint.js';
import { dateOf } from './time.js';

export type { DatingEntry };

/** The properties that say when the things of one label or relationship type began and (optionally) ended. */
export interface DatedBy {
  start: string;
  end?: string;
}

/** What dates each label or type that is not dated by `since`/`until`: the `dating` the API takes, by name. */
export type Dating = Record<string, DatedBy>;

/** What the user picked per label or type; `null` keeps `since`/`until` where a guess would say otherwise. */
export type DatingChoices = Record<string, DatedBy | null>;

/** A node or relationship as the API gives it: its labels or its type say which properties date it. */
export type DatedItem = { labels: string[]; properties: Record<string, unknown> } | DatedEdge;
type DatedEdge = { type: string; properties: Record<string, unknown> };

/** When an item began and ended as days (`since`, `until`: the shape time.ts reads), and how precisely. */
export type Time = { since?: string; until?: string; sincePrecision?: unknown; untilPrecision?: unknown };

const isEdge = (item: DatedItem): item is DatedEdge => 'type' in item;

/** The names (its labels, or its type) under which an item's dating is looked up, in the server's order. */
export function namesOf(item: DatedItem): string[] {
  return isEdge(item) ? [item.type] : item.labels;
}

/**
 * An item's time in the explorer's own terms, `since`/`until` as days with their precisions, read as the
 * server reads it (cypher/fragments/node-start.cypher, relationship-start.cypher): the properties the dating
 * names for its type, or for the first of its labels it dates; without one, `since`/`until`. A chosen start
 * without an end has none. A whole-number year is known to the year.
 */
export function timeOf(item: DatedItem, dating: Dating = {}): Time {
  const datedBy = namesOf(item)
    // Own entries only: a label named `constructor` must not find Object's.
    .map((name) => (Object.hasOwn(dating, name) ? dating[name] : undefined))
    .find((entry) => entry !== undefined) ?? { start: 'since', end: 'until' };
  const { properties } = item;
  // Precision by the seed's convention (`sincePrecision` beside `since`), else a whole-number year's.
  const precisionOf = (key: string | undefined) =>
    key === undefined
      ? undefined
      : (properties[`${key}Precision`] ?? (typeof properties[key] === 'number' ? 'year' : undefined));
  return {
    since: dateOf(own(properties, datedBy.start)),
    until: datedBy.end === undefined ? undefined : dateOf(own(properties, datedBy.end)),
    sincePrecision: precisionOf(datedBy.start),
    untilPrecision: precisionOf(datedBy.end),
  };
}

/** The list the API takes (`dating` of neighbours, paths, changes and subgraph). */
export function datingEntries(dating: Dating): DatingEntry[] {
  return Object.entries(dating).map(([name, { start, end }]) => (end ? { name, start, end } : { name, start }));
}

const normalised = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, '');

// Keys that name when something began or ended in graphs other teams write, most telling first.
const startNames = [
  'start',
  'startdate',
  'startedat',
  'startsat',
  'validfrom',
  'from',
  'begin',
  'began',
  'date',
  'day',
  'at',
  'timestamp',
  'time',
  'datetime',
  'released',
  'releasedate',
  'createdat',
  'created',
  'year',
].map(normalised);
const endNames = [
  'end',
  'enddate',
  'endedat',
  'endsat',
  'validto',
  'validuntil',
  'to',
  'ended',
  'expires',
  'expiresat',
];

/**
 * Whole numbers read as years for a guess only when they look like one: a `day: 15` or `time: 95` would
 * otherwise date things to the first century and stretch the time bar over two thousand years.
 */
const plausibleYear = (value: unknown) => typeof value !== 'number' || (value >= 1000 && value <= 2999);

/** Whether every value the items hold under `key` is a date, and at least one does. */
function datesUnder(items: DatedItem[], key: string): boolean {
  const values = items
    .map((item) => own(item.properties, key))
    .filter((value) => value !== undefined && value !== null);
  return values.length > 0 && values.every((value) => plausibleYear(value) && dateOf(value) !== undefined);
}

/** The first of `names` some item holds as a key whose values are all dates. */
function firstDatedKey(items: DatedItem[], names: string[], except?: string): string | undefined {
  const keys = [...new Set(items.flatMap((item) => Object.keys(item.properties)))].filter((key) => key !== except);
  for (const name of names) {
    const key = keys.find((candidate) => normalised(candidate) === name && datesUnder(items, candidate));
    if (key) return key;
  }
  return undefined;
}

/**
 * What probably dates each label and type on the canvas that `since`/`until` do not: a key named like a start
 * (released, date, at, timestamp, from…) whose values there are all dates, and one named like an end (end,
 * to…) if there is one. Labels and types with a `since` or `until` date keep them.
 */
export function guessDating(items: DatedItem[]): Dating {
  const byName = new Map<string, DatedItem[]>();
  for (const item of items) {
    for (const name of namesOf(item)) {
      const members = byName.get(name);
      if (members) members.push(item);
      else byName.set(name, [item]);
    }
  }
  const guessed: Dating = dict();
  for (const [name, members] of byName) {
    if (members.some((item) => dateOf(item.properties.since) || dateOf(item.properties.until))) continue;
    const start = firstDatedKey(members, startNames);
    if (!start) continue;
    const end = firstDatedKey(members, endNames, start);
    guessed[name] = end ? { start, end } : { start };
  }
  return guessed;
}

/**
 * The dating in force: the user's choices over the guesses, kept to the labels, types and property keys the
 * database has (the server refuses others), at most the 100 the API takes.
 */
export function datingInForce(
  choices: DatingChoices,
  guessed: Dating,
  schema?: { names: Set<string>; keys: Set<string> },
): Dating {
  // Choices (kept or from a link) may name what this database lacks: until its schema is known, only the
  // guesses, which come from what the canvas holds, are sent.
  const merged: Record<string, DatedBy | null> = schema ? { ...guessed, ...choices } : guessed;
  const known = ([name, entry]: [string, DatedBy | null]): boolean =>
    !!entry &&
    (!schema || (schema.names.has(name) && schema.keys.has(entry.start) && (!entry.end || schema.keys.has(entry.end))));
  return dict(Object.entries(merged).filter(known).slice(0, 100)) as Dating;
}

/** The property keys of a label or type whose values on the canvas are dates, each with one value seen. */
export function datedKeysOf(items: DatedItem[], name: string): { key: string; example: unknown }[] {
  const members = items.filter((item) => namesOf(item).includes(name));
  const keys = [...new Set(members.flatMap((item) => Object.keys(item.properties)))].sort();
  return keys
    .filter((key) => !key.endsWith('Precision') && datesUnder(members, key))
    .map((key) => ({ key, example: own(members.find((item) => own(item.properties, key) != null)!.properties, key) }));
}

const isDatedBy = (value: unknown): value is DatedBy =>
  !!value &&
  typeof value === 'object' &&
  typeof (value as DatedBy).start === 'string' &&
  (value as DatedBy).start !== '' &&
  ((value as DatedBy).end === undefined ||
    (typeof (value as DatedBy).end === 'string' && (value as DatedBy).end !== ''));

/** Only well-formed choices of a stored or shared value (a link or storage may hold anything). */
export function readDatingChoices(value: unknown): DatingChoices | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return dict(
    Object.entries(value).filter(
      (entry): entry is [string, DatedBy | null] => entry[1] === null || isDatedBy(entry[1]),
    ),
  );
}

/**
 * Which database the choices belong to: a hash of its labels and types, the same on every visit and in every
 * browser while the database holds the same names.
 */
export function databaseKey(schema: { labels: { name: string }[]; relationshipTypes: { name: string }[] }): string {
  const text = [
    ...schema.labels.map((label) => label.name).sort(),
    '|',
    ...schema.relationshipTypes.map((type) => type.name).sort(),
  ].join('\n');
  return fingerprint(text);
}

const storageKey = (database: string) => `entente.dating.${database}`;

export function loadDatingChoices(database: string): DatingChoices {
  try {
    return readDatingChoices(JSON.parse(globalThis.localStorage?.getItem(storageKey(database)) ?? '{}')) ?? {};
  } catch {
    return {};
  }
}

export function saveDatingChoices(database: string, choices: DatingChoices): void {
  try {
    globalThis.localStorage?.setItem(storageKey(database), JSON.stringify(choices));
  } catch {
    // Storage full or refused: the choices hold for this visit and in the link.
  }
}
