import { useEffect, useMemo, useReducer } from 'react';
import { canvasReducer, emptyHistory, type Filters } from './canvasState';

/**
 * The canvas and its filters with undo and redo (canvasState.ts), plus the keyboard: Ctrl/Cmd-Z undoes and
 * Ctrl/Cmd-Shift-Z (or Ctrl-Y) redoes, outside text fields.
 */
export function useCanvasHistory(initialFilters: Filters) {
  const [history, dispatch] = useReducer(canvasReducer, initialFilters, (filters) => ({ ...emptyHistory, filters }));
  const { filters } = history;
  const hiddenLabels = useMemo(() => new Set(filters.hiddenLabels), [filters]);
  const hiddenTypes = useMemo(() => new Set(filters.hiddenTypes), [filters]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
      else if ((key === 'z' && event.shiftKey) || key === 'y') dispatch({ type: 'redo' });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return { history, dispatch, graph: history.present, filters, hiddenLabels, hiddenTypes };
}
