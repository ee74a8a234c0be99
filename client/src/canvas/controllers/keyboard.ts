import { useEffect, useState, type RefObject } from 'react';
import type { Core } from 'cytoscape';
import type { CanvasGraph } from '../../graph/canvasState';
import type { CanvasKeys } from './keyboardMoves';
import type { Selection } from './selection';
import { useLatest } from './useLatest';

export type { CanvasKeys } from './keyboardMoves';

type Moves = typeof import('./keyboardMoves');
let loading: Promise<Moves> | undefined;
const loadMoves = () => (loading ??= import('./keyboardMoves'));

/** The keys the canvas answers (keyboardMoves.ts): arrows, Enter and Space, Escape. */
const answered = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Enter', ' ', 'Escape']);

/**
 * Keyboard controller: while the canvas has the focus, the arrow keys move the selection from a node to the
 * neighbour drawn in the arrow's direction, Enter opens the selected node's menu, Escape clears the selection
 * (keyboardMoves.ts, loaded when the canvas first takes the focus). Returns what a live region should say: the
 * node the keyboard is on, while the canvas has the focus.
 */
export function useCanvasKeyboard(
  canvas: { cy: Core | undefined },
  container: RefObject<HTMLDivElement | null>,
  graph: CanvasGraph,
  selected: Selection | undefined,
  keys: CanvasKeys,
): string {
  const latest = useLatest({ keys, selected, graph });
  const [focused, setFocused] = useState(false);
  const [moves, setMoves] = useState<Moves>();

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target !== element || event.altKey || event.ctrlKey || event.metaKey || !answered.has(event.key))
        return;
      event.preventDefault();
      void loadMoves().then((loaded) => {
        if (canvas.cy) loaded.onCanvasKey(canvas.cy, element, event.key, latest.current);
      });
    };
    const onFocus = () => {
      setFocused(true);
      void loadMoves().then((loaded) => setMoves(() => loaded));
    };
    const onBlur = () => setFocused(false);
    element.addEventListener('keydown', onKey);
    element.addEventListener('focus', onFocus);
    element.addEventListener('blur', onBlur);
    return () => {
      element.removeEventListener('keydown', onKey);
      element.removeEventListener('focus', onFocus);
      element.removeEventListener('blur', onBlur);
    };
  }, [canvas, container, latest]);

  return focused && moves ? moves.describeSelection(graph, selected) : '';
}
