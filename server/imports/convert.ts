import neo4j, { isDate } from 'neo4j-driver';
import { firstDay, firstDayAfter, precisionOf } from '../seed/dataset.schema.js';
import { graphName, type Endpoint, type Mapping, type PropertyType } from './mapping.js';
import type { SourceRecord } from './readers.js';

/** One node to merge: by its first label and id. */
export interface NodeRow {
  line: number;
  id: string;
  labels: string[];
  properties: Record<string, unknown>;
  sources: string[];
  claim?: string;
}

export interface EndpointRef {
  value: string;
  label?: string;
  key: string;
}

/** One relationship to merge: by its type, ends and id. */
export interface RelationshipRow {
  line: number;
  id: string;
  type: string;
  from: EndpointRef;
  to: EndpointRef;
  properties: Record<string, unknown>;
  sources: string[];
}

export interface RowError {
  line: number;
  reason: string;
}

export type Converted =
  { kind: 'node'; row: NodeRow } | { kind: 'relationship'; row: RelationshipRow } | { kind: 'error'; error: RowError };

class RowRejected extends Error {}

const calendarDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * A date as written, at its own precision: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a day written day first
 * (`31/01/2024`, `31.01.2024`). Returned as `YYYY[-MM[-DD]]`; a day that does not exist is refused.
 */
export function partialDate(text: string, column: string): string {
  const value = text.trim();
  let match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (match) {
    const [, year, month, day] = match;
    if (month !== undefined && (Number(month) < 1 || Number(month) > 12))
      throw new RowRejected(`${column}: "${text}" has no month ${month}`);
    if (day !== undefined && !calendarDay(Number(year), Number(month), Number(day)))
      throw new RowRejected(`${column}: "${text}" is not a real calendar day`);
    return value;
  }
  match = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(value);
  if (match) {
    const [, day, month, year] = match.map(Number) as [number, number, number, number];
    if (!calendarDay(year, month, day)) throw new RowRejected(`${column}: "${text}" is not a real calendar day`);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  throw new RowRejected(`${column}: "${text}" is not a date (YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)`);
}

function neo4jDate(value: string) {
  const [year, month, day] = firstDay(value).split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(year, month, day);
}

/** Any value a record gives, as text (objects as JSON). */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value) ?? '';
}

const thousands = /^[+-]?\d{1,3}([,  '.]\d{3})+([.,]\d+)?$/;

/** A cell as a value of its declared type; an empty cell is no value. Formulas (`=…`) stay text. */
export function typedCell(raw: unknown, type: PropertyType, column: string): unknown {
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'bigint') raw = raw.toString();
  if (typeof raw !== 'string') {
    if (type === 'text') return asText(raw);
    if (type === 'integer' && typeof raw === 'number' && Number.isSafeInteger(raw)) return neo4j.int(raw);
    if (type === 'float' && typeof raw === 'number') return raw;
    if (type === 'boolean' && typeof raw === 'boolean') return raw;
    if (type === 'list' && Array.isArray(raw)) return raw.map(String);
    raw = asText(raw);
  }
  const text = raw as string;
  const value = text.trim();
  if (value === '') return undefined;
  switch (type) {
    case 'text':
      return text;
    case 'integer': {
      if (/^[+-]?\d+$/.test(value)) {
        // Up to 15 digits is within a double's exact integers: no BigInt, and the driver's cheap conversion.
        if (value.length <= 15) return neo4j.int(Number(value));
        const big = BigInt(value);
        if (big > 2n ** 63n - 1n || big < -(2n ** 63n))
          throw new RowRejected(`${column}: ${value} is beyond a 64-bit integer`);
        return neo4j.int(value);
      }
      if (thousands.test(value))
        throw new RowRejected(`${column}: "${text}" has thousands separators; write ${value.replace(/[,  '.]/g, '')}`);
      throw new RowRejected(`${column}: "${text}" is not a whole number`);
    }
    case 'float': {
      if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) return Number(value);
      if (thousands.test(value))
        throw new RowRejected(`${column}: "${text}" has thousands separators (or a decimal comma)`);
      throw new RowRejected(`${column}: "${text}" is not a number`);
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      if (['true', 'yes', '1'].includes(lower)) return true;
      if (['false', 'no', '0'].includes(lower)) return false;
      throw new RowRejected(`${column}: "${text}" is not true or false`);
    }
    case 'date':
      return partialDate(value, column);
    case 'datetime': {
      if (
        !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value) ||
        Number.isNaN(Date.parse(value))
      )
        throw new RowRejected(`${column}: "${text}" is not a date and time (ISO 8601)`);
      return neo4j.types.DateTime.fromStandardDate(new Date(value));
    }
    case 'list':
      return value
        .split(';')
        .map((item) => item.trim())
        .filter(Boolean);
  }
}

/** A property value a graph-shaped file gives, as Neo4j stores it (maps as JSON text). */
function graphValue(value: unknown): unknown {
  if (typeof value === 'bigint') return neo4j.int(value.toString());
  // A date a reader made (from a GraphML or GEXF that Entente exported).
  if (isDate(value)) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== null && item !== undefined);
    return items.every((item) => typeof item === typeof items[0] && typeof item !== 'object')
      ? items.map(graphValue)
      : JSON.stringify(value);
  }
  if (value && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Names already checked, with what was wrong with each (null: fine): files repeat the same few names. */
const checkedNames = new Map<string, string | null>();

/** What is wrong with a name (null: nothing), remembered. */
function checkedName(name: string, what: string): string | null {
  const key = `${what}\u0000${name}`;
  let problem = checkedNames.get(key);
  if (problem === undefined) {
    const parsed = graphName(what).safeParse(name);
    problem = parsed.success ? null : parsed.error.issues[0]!.message;
    if (checkedNames.size > 10_000) checkedNames.clear();
    checkedNames.set(key, problem);
  }
  return problem;
}

function checkName(name: string, what: string): string {
  const problem = checkedName(name, what);
  if (problem !== null) throw new RowRejected(`${what} "${name}": ${problem}`);
  return name;
}

/** A written date at its precision, as the stored pair (`since` + `sincePrecision`, `until` exclusive). */
function dating(properties: Record<string, unknown>, start: string | undefined, end: string | undefined) {
  if (start !== undefined) {
    properties.since = neo4jDate(start);
    properties.sincePrecision = precisionOf(start);
  }
  if (end !== undefined) {
    properties.until = neo4jDate(firstDayAfter(end));
    properties.untilPrecision = precisionOf(end);
  }
  if (start !== undefined && end !== undefined && firstDayAfter(end) <= firstDay(start))
    throw new RowRejected(`the end (${end}) is before the start (${start})`);
}

/**
 * Turns what readers yield into rows to merge, by the mapping: typed properties, dates at their precision,
 * sources and a claim; each problem an error with its line. Duplicate ids within the file are refused
 * (the first row wins).
 */
export class Converter {
  private readonly seenNodes = new Map<string, number>();
  private readonly seenRelationships = new Map<string, number>();
  /** Graph-shaped files: each node id's label, so that edges find their ends through its index. */
  private readonly labelOfNode = new Map<string, string>();

  /** The mapping's property columns, read once (not once a row). */
  private readonly columns: { column: string; type: PropertyType; key?: string }[];
  /** A relationship's type as its made-up id has it (`from_type_to`). */
  private readonly typeInId: string;

  constructor(
    private readonly mapping: Mapping,
    private readonly fileName: string,
  ) {
    this.columns = Object.entries(mapping.properties).map(([column, type]) => {
      // A column's own name as its key is checked once here; a bad one rejects each row that has the column.
      let key = mapping.keys[column];
      if (key === undefined && checkedName(column, 'property key') === null) key = column;
      return { column, type, key };
    });
    this.typeInId = mapping.relationships?.type.toLowerCase() ?? '';
  }

  convert(record: SourceRecord): Converted {
    try {
      switch (record.kind) {
        case 'error':
          return { kind: 'error', error: { line: record.line, reason: record.reason } };
        case 'row':
          return this.row(record.line, record.values);
        case 'node':
          return this.graphNode(record);
        case 'edge':
          return this.graphEdge(record);
      }
    } catch (error) {
      if (error instanceof RowRejected) return { kind: 'error', error: { line: record.line, reason: error.message } };
      throw error;
    }
  }

  private sourcesOf(values: Record<string, unknown>): string[] {
    const source = this.mapping.source;
    if (!source) return [];
    if (source.constant) return [source.constant];
    const cell = values[source.column!];
    return typeof cell === 'string'
      ? cell
          .split(';')
          .map((item) => item.trim())
          .filter(Boolean)
      : [];
  }

  private properties(values: Record<string, unknown>): Record<string, unknown> {
    const properties: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const { column, type, key: mapped } of this.columns) {
      if (!(column in values)) throw new RowRejected(`no column "${column}" in this file`);
      const key = mapped ?? checkName(column, 'property key');
      if (key === 'id') throw new RowRejected('the property key "id" is the node’s id: map it as the id column');
      const value = typedCell(values[column], type, column);
      if (value === undefined) continue;
      if (type === 'date') {
        properties[key] = neo4jDate(value as string);
        if (precisionOf(value as string) !== 'day') properties[`${key}Precision`] = precisionOf(value as string);
      } else properties[key] = value;
    }
    const dates = this.mapping.dating;
    if (dates) {
      const cell = (column?: string) => {
        const text = column === undefined ? undefined : values[column];
        return typeof text === 'string' && text.trim() ? partialDate(text, column!) : undefined;
      };
      dating(properties, cell(dates.start), cell(dates.end));
    }
    return properties;
  }

  private cellText(values: Record<string, unknown>, column: string): string {
    if (!(column in values)) throw new RowRejected(`no column "${column}" in this file`);
    const value = values[column];
    const text = value === null || value === undefined ? '' : asText(value).trim();
    if (!text) throw new RowRejected(`${column} is empty`);
    return text;
  }

  private endOf(values: Record<string, unknown>, endpoint: Endpoint): EndpointRef {
    return {
      value: this.cellText(values, endpoint.column),
      label: endpoint.label,
      key: endpoint.match === 'id' ? 'id' : endpoint.captionKey,
    };
  }

  private row(line: number, values: Record<string, unknown>): Converted {
    const { nodes, relationships } = this.mapping;
    const sources = this.sourcesOf(values);
    const properties = this.properties(values);
    const claimCell = this.mapping.claim === undefined ? undefined : values[this.mapping.claim];
    const claimText = typeof claimCell === 'string' && claimCell.trim() ? claimCell.trim() : undefined;
    if (nodes) {
      const idColumns = Array.isArray(nodes.id) ? nodes.id : [nodes.id];
      const id = idColumns.map((column) => this.cellText(values, column)).join(':');
      const first = this.seenNodes.get(id);
      if (first !== undefined) throw new RowRejected(`duplicate id "${id}" (first on line ${first})`);
      this.seenNodes.set(id, line);
      if (nodes.caption) properties.name = this.cellText(values, nodes.caption);
      const claim =
        claimText ??
        (sources.length
          ? `${typeof properties.name === 'string' ? properties.name : id} (${nodes.labels.join(', ')}), as listed in ${this.fileName}`
          : undefined);
      if (claim) {
        properties.claim = claim;
        properties.sources = sources;
      }
      return { kind: 'node', row: { line, id, labels: nodes.labels, properties, sources } };
    }
    if (relationships) {
      const from = this.endOf(values, relationships.from);
      const to = this.endOf(values, relationships.to);
      const id = relationships.id
        ? this.cellText(values, relationships.id)
        : `${from.value}_${this.typeInId}_${to.value}`;
      const first = this.seenRelationships.get(id);
      if (first !== undefined) throw new RowRejected(`duplicate relationship "${id}" (first on line ${first})`);
      this.seenRelationships.set(id, line);
      const claim =
        claimText ??
        (sources.length ? `${from.value} ${relationships.type} ${to.value}, as listed in ${this.fileName}` : undefined);
      if (claim) {
        properties.claim = claim;
        properties.sources = sources;
      }
      return { kind: 'relationship', row: { line, id, type: relationships.type, from, to, properties, sources } };
    }
    throw new RowRejected('the mapping says neither nodes nor relationships for a table');
  }

  private graphProperties(properties: Record<string, unknown>): Record<string, unknown> {
    const converted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    let start: string | undefined;
    let end: string | undefined;
    for (const [key, value] of Object.entries(properties)) {
      if (key === '_start') start = partialDate(String(value), 'start');
      else if (key === '_end') end = partialDate(String(value), 'end');
      else if (key !== 'id' && value !== null && value !== undefined)
        converted[checkName(key, 'property key')] = graphValue(value);
    }
    dating(converted, start, end);
    const source = this.mapping.source?.constant;
    if (source) {
      converted.sources = [source];
      converted.claim ??= `As given in ${this.fileName}`;
    }
    return converted;
  }

  private graphNode(record: Extract<SourceRecord, { kind: 'node' }>): Converted {
    const labels = record.labels.length ? record.labels : [this.mapping.graph?.label ?? 'Node'];
    for (const label of labels) checkName(label, 'label');
    const first = this.seenNodes.get(record.id);
    if (first !== undefined) throw new RowRejected(`duplicate id "${record.id}" (first on line ${first})`);
    this.seenNodes.set(record.id, record.line);
    this.labelOfNode.set(record.id, labels[0]!);
    const properties = this.graphProperties(record.properties);
    const sources = this.mapping.source?.constant ? [this.mapping.source.constant] : [];
    return { kind: 'node', row: { line: record.line, id: record.id, labels, properties, sources } };
  }

  private graphEdge(record: Extract<SourceRecord, { kind: 'edge' }>): Converted {
    const type = checkName(record.type ?? this.mapping.graph?.type ?? 'LINKED_TO', 'relationship type');
    const id = record.id ?? `${record.source}_${type.toLowerCase()}_${record.target}`;
    const first = this.seenRelationships.get(id);
    if (first !== undefined) throw new RowRejected(`duplicate relationship "${id}" (first on line ${first})`);
    this.seenRelationships.set(id, record.line);
    const end = (value: string): EndpointRef => ({ value, label: this.labelOfNode.get(value), key: 'id' });
    const properties = this.graphProperties(record.properties);
    const sources = this.mapping.source?.constant ? [this.mapping.source.constant] : [];
    return {
      kind: 'relationship',
      row: { line: record.line, id, type, from: end(record.source), to: end(record.target), properties, sources },
    };
  }
}
