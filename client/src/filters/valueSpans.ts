import type { ApiEdge, ApiNode } from '../api/api.js';
import { own } from '../app/records.js';
import { formatDate } from '../inspect/format.js';
import { dateOf } from '../time/time.js';
import { concerns, type ValueFilter } from './valueFilters.js';

/** How a property's values on the canvas are filtered: by range of numbers or dates, or by a set of texts. */
export type ValueKind = 'number' | 'date' | 'text';

/** What a property holds across the elements given: all numbers, all dates, else text. */
export function kindOfValues(values: unknown[]): ValueKind {
  if (values.length && values.every((value) => typeof value === 'number' && Number.isFinite(value))) return 'number';
  if (values.length && values.every((value) => typeof value === 'string' && dateOf(value))) return 'date';
  return 'text';
}

/** The values a property takes among a label's nodes or a type's relationships. */
export function valuesOf(elements: (ApiNode | ApiEdge)[], kind: 'node' | 'edge', name: string, key: string): unknown[] {
  const probe: ValueFilter = { kind, name, key };
  return elements.flatMap((element) => {
    if (!concerns(probe, element)) return [];
    const value = own(element.properties, key);
    return value === undefined || value === null ? [] : [value];
  });
}

/** A filter as words, for its chip: "Deal amountUsd from 1,000,000,000 to 5,000,000,000". */
export function describeFilter(filter: ValueFilter): string {
  const show = (bound: number | string) =>
    typeof bound === 'number' ? bound.toLocaleString('en-US') : dateOf(bound) ? formatDate(bound) : bound;
  if (filter.values) return `${filter.name} ${filter.key} is ${filter.values.join(' or ') || 'nothing'}`;
  const { min, max } = filter;
  if (min !== undefined && max !== undefined) return `${filter.name} ${filter.key} from ${show(min)} to ${show(max)}`;
  if (min !== undefined) return `${filter.name} ${filter.key} at least ${show(min)}`;
  if (max !== undefined) return `${filter.name} ${filter.key} at most ${show(max)}`;
  return `${filter.name} has ${filter.key}`;
}

/** A label's nodes or a type's relationships: what a value filter or a styling rule is about. */
export interface Target {
  kind: 'node' | 'edge';
  name: string;
}

/** The labels and relationship types on the canvas, labels first, each sorted. */
export function targetsOf(elements: (ApiNode | ApiEdge)[]): Target[] {
  const labels = new Set<string>();
  const types = new Set<string>();
  for (const element of elements) {
    if ('labels' in element) element.labels.forEach((label) => labels.add(label));
    else types.add(element.type);
  }
  return [
    ...[...labels].sort().map((name) => ({ kind: 'node' as const, name })),
    ...[...types].sort().map((name) => ({ kind: 'edge' as const, name })),
  ];
}

/** The readable property keys (texts, numbers, dates) of a target's elements on the canvas. */
export function keysOf(elements: (ApiNode | ApiEdge)[], target: Target, internal: (key: string) => boolean): string[] {
  const keys = new Set<string>();
  const probe: ValueFilter = { ...target, key: '' };
  for (const element of elements) {
    if (!concerns(probe, element)) continue;
    for (const [key, value] of Object.entries(element.properties))
      if (!internal(key) && (typeof value === 'string' || typeof value === 'number')) keys.add(key);
  }
  return [...keys].sort();
}

/** The span of a property's numbers or dates, or its distinct texts, for a filter's form. */
export function spanOf(values: unknown[]): {
  kind: ValueKind;
  min?: number | string;
  max?: number | string;
  texts: string[];
} {
  const kind = kindOfValues(values);
  if (kind === 'number') {
    const numbers = values as number[];
    return { kind, min: Math.min(...numbers), max: Math.max(...numbers), texts: [] };
  }
  if (kind === 'date') {
    const days = values.map((value) => dateOf(value)!).sort();
    return { kind, min: days[0], max: days.at(-1), texts: [] };
  }
  // Texts past 500 characters (a description) are no value to filter by, and a saved view keeps none so long.
  return { kind, texts: [...new Set(values.map(String))].filter((text) => text.length <= 500).sort() };
}
