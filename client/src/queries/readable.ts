import type { ApiEdge, ApiNode } from '../api/api';
import { formatDate, formatProperty, readableKey } from '../inspect/format';

export { readableKey };

const sentence = (text: string) => (text ? text[0]!.toUpperCase() + text.slice(1) : text);

/**
 * A validation problem of the API in a person's words: "body.params.company: Invalid input: expected string,
 * received undefined" reads "The company: a value is needed.", and "query.to: must be after query.from" reads
 * "To: must be after from." (with the names a form gives its fields, when it gives them).
 */
export function readableProblem(message: string, labels: Record<string, string> = {}): string {
  const name = (path: string) => {
    const key = path.replace(/^(?:body|query|params)\./, '').replace(/^params\./, '');
    return Object.hasOwn(labels, key) ? labels[key]! : readableKey(key);
  };
  const located = /^((?:body|query|params)\.[\w.]+): ([\s\S]*)$/.exec(message);
  if (!located) return message;
  const [, path, text] = located;
  const said = /received undefined/.test(text!)
    ? 'a value is needed'
    : /^Invalid input: expected (\w+)/.test(text!)
      ? `this is not a ${/^Invalid input: expected (\w+)/.exec(text!)![1]}`
      : text!.replace(/\b(?:body|query|params)\.(?:params\.)?(\w+)/g, (_, key: string) => name(key).toLowerCase());
  return `${sentence(name(path!))}: ${said.replace(/\.$/, '')}.`;
}

const isNode = (value: unknown): value is ApiNode =>
  !!value && typeof value === 'object' && 'id' in value && 'labels' in value && 'caption' in value;
const isEdge = (value: unknown): value is ApiEdge =>
  !!value && typeof value === 'object' && 'id' in value && 'type' in value && 'source' in value && 'target' in value;

/** The nodes and relationships anywhere in a row (in lists and paths too). */
export function elementsOf(row: unknown[]): { nodes: ApiNode[]; edges: ApiEdge[] } {
  const nodes: ApiNode[] = [];
  const edges: ApiEdge[] = [];
  const visit = (value: unknown) => {
    if (isNode(value)) nodes.push(value);
    else if (isEdge(value)) edges.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  row.forEach(visit);
  return { nodes, edges };
}

/** What a table cell is read with: the rest of its row, and captions of the source documents it cites. */
export interface CellContext {
  /** The row's columns by name. */
  row?: Record<string, unknown>;
  /** Captions by node id (of the documents `sources` columns list). */
  captions?: Record<string, string>;
}

/**
 * The precision of a date in a row: a `<column>Precision` or `precision` column, or the `<key>Precision` of
 * the node or relationship in the row that holds the same date (a year-only `since` reads "2016", not
 * "1 January 2016").
 */
function precisionOf(column: string, value: string, row: Record<string, unknown>): unknown {
  for (const name of [`${column}Precision`, 'precision']) if (typeof row[name] === 'string') return row[name];
  const { nodes, edges } = elementsOf(Object.values(row));
  for (const element of [...nodes, ...edges]) {
    for (const [key, held] of Object.entries(element.properties)) {
      const precision = element.properties[`${key}Precision`];
      if (typeof held === 'string' && held.slice(0, 10) === value.slice(0, 10) && precision) return precision;
    }
  }
  return undefined;
}

/** One value as people read it; the column's name says what a number is (`amountUsd`, `percent…`). */
export function formatCell(column: string, value: unknown, context: CellContext = {}): string {
  if (value === null || value === undefined) return '—';
  if (isNode(value)) return value.caption;
  if (isEdge(value)) return `:${value.type}`;
  const key = column.split('.').at(-1) ?? column;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return formatDate(value, precisionOf(key, value, context.row ?? {}));
  if (typeof value === 'string' && /^sources?$/.test(key)) return context.captions?.[value] ?? value;
  if (Array.isArray(value)) return value.map((item) => formatCell(key, item, context)).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    // A figure as the dataset's queries give one: {figure: 'percentMax', value: 49} reads "percent max: 49 %".
    const { figure, value: amount } = value as { figure?: unknown; value?: unknown };
    if (entries.length === 2 && typeof figure === 'string' && amount !== undefined)
      return `${readableKey(figure)}: ${formatCell(figure, amount, context)}`;
    return entries.map(([name, item]) => `${readableKey(name)}: ${formatCell(name, item, context)}`).join('; ');
  }
  return formatProperty(key, value, {});
}
