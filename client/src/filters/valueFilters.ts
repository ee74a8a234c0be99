import type { ApiEdge, ApiNode, components } from '../api/api.js';
import { own } from '../app/records.js';
import { dateOf } from '../time/time.js';

/**
 * A filter on one property of one label's nodes or one type's relationships: only those whose value lies in
 * a range (numbers, dates as ISO days) or is one of a set (text) stay shown; those without the value are
 * filtered out too. Elements of other labels and types are not concerned. Bounds are inclusive and a missing
 * one is open. The shape is the contract's (a saved view's, server/investigations/investigations.schemas.ts).
 */
export type ValueFilter = NonNullable<components['schemas']['View']['valueFilters']>[number];

export const concerns = (filter: ValueFilter, element: ApiNode | ApiEdge) =>
  filter.kind === 'node'
    ? 'labels' in element && element.labels.includes(filter.name)
    : 'type' in element && element.type === filter.name;

/** Whether a value passes a filter: within its bounds, or among its values. */
export function passes(filter: ValueFilter, value: unknown): boolean {
  if (filter.values)
    return (typeof value === 'string' || typeof value === 'number') && filter.values.includes(String(value));
  if (typeof filter.min === 'number' || typeof filter.max === 'number') {
    if (typeof value !== 'number') return false;
    return (
      !(typeof filter.min === 'number' && value < filter.min) && !(typeof filter.max === 'number' && value > filter.max)
    );
  }
  // No bounds at all (a range applied empty): any value passes, only its absence does not.
  if (filter.min === undefined && filter.max === undefined) return value !== undefined && value !== null;
  const day = dateOf(value);
  if (!day) return false;
  return !(typeof filter.min === 'string' && day < filter.min) && !(typeof filter.max === 'string' && day > filter.max);
}

/** Whether a node or relationship is filtered out by one of the filters that concern it. */
export function failsValueFilters(element: ApiNode | ApiEdge, filters: readonly ValueFilter[] | undefined): boolean {
  return (filters ?? []).some(
    (filter) => concerns(filter, element) && !passes(filter, own(element.properties, filter.key)),
  );
}

const bound = (value: unknown) => typeof value === 'number' || typeof value === 'string';
const isFilter = (value: unknown): value is ValueFilter => {
  if (!value || typeof value !== 'object') return false;
  const filter = value as Partial<ValueFilter>;
  return (
    (filter.kind === 'node' || filter.kind === 'edge') &&
    typeof filter.name === 'string' &&
    typeof filter.key === 'string' &&
    (filter.min === undefined || bound(filter.min)) &&
    (filter.max === undefined || bound(filter.max)) &&
    (filter.values === undefined ||
      (Array.isArray(filter.values) && filter.values.every((item) => typeof item === 'string')))
  );
};

/** Only well-formed filters of a shared value (a link may hold anything). */
export function readValueFilters(value: unknown): ValueFilter[] | undefined {
  return Array.isArray(value) ? value.filter(isFilter) : undefined;
}

/** The same filter (kind, name and key): a new one replaces it. */
export const sameTarget = (a: ValueFilter, b: ValueFilter) => a.kind === b.kind && a.name === b.name && a.key === b.key;
