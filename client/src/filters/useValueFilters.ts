import { useCallback } from 'react';
import type { CanvasAction, Filters } from '../graph/canvasState';
import { sameTarget, type ValueFilter } from './valueFilters';

const none: ValueFilter[] = [];

/**
 * The filters by value, as part of the canvas history: each change is one step, undone and redone like
 * hiding a label. A new filter on a label's (or type's) property replaces the one it had.
 */
export function useValueFilters(filters: Filters, dispatch: (action: CanvasAction) => void) {
  const list = filters.valueFilters ?? none;
  const set = useCallback(
    (next: ValueFilter[]) => dispatch({ type: 'filter', filters: { ...filters, valueFilters: next } }),
    [dispatch, filters],
  );
  const add = useCallback(
    (filter: ValueFilter) => set([...list.filter((other) => !sameTarget(other, filter)), filter]),
    [list, set],
  );
  return { list, set, add };
}
