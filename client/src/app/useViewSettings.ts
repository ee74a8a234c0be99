import { useCallback, useState } from 'react';
import type { LayoutName } from '../canvas/layouts';
import type { ViewState } from '../share/viewState';
import { loadStyles, saveStyles, type LabelStyles, type LabelStyle } from '../styling/labelStyles';
import { loadRules, saveRules, type StyleRule } from '../styling/rules';
import { dict } from './records';

function toggle(set: Set<string>, value: string): Set<string> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

/**
 * How the canvas is looked at, apart from what is on it: the date and comparison, the layout, the styles per
 * label, pinned nodes, unfolded pairs and highlighted elements. Starts from a shared link's or an
 * investigation's view.
 */
export function useViewSettings(initialView: ViewState | undefined) {
  const [asOf, setAsOf] = useState<string | undefined>(initialView?.asOf);
  const [compare, setCompare] = useState<{ from: string; to: string }>();
  const [layout, setLayout] = useState<LayoutName>(initialView?.layout ?? 'fcose');
  /** Styles per label: a shared link's, else the ones this browser kept. */
  const [styles, setStyles] = useState<LabelStyles>(() => initialView?.styles ?? loadStyles());
  /** Colours by property value: a shared link's, else the ones this browser kept. */
  const [rules, setRulesState] = useState<StyleRule[]>(() => initialView?.rules ?? loadRules());
  const [pinned, setPinned] = useState<Set<string>>(() => new Set(initialView?.pinned));
  /** Pairs of nodes whose relationships are drawn one by one rather than folded into one counted edge. */
  const [unfolded, setUnfolded] = useState<Set<string>>(() => new Set(initialView?.unfolded));
  const [highlighted, setHighlighted] = useState<Set<string>>(new Set());

  const unfold = useCallback(
    (key: string) => setUnfolded((previous) => (previous.has(key) ? previous : new Set(previous).add(key))),
    [],
  );
  const fold = useCallback(
    (key: string) =>
      setUnfolded((previous) => {
        if (!previous.has(key)) return previous;
        const next = new Set(previous);
        next.delete(key);
        return next;
      }),
    [],
  );
  const togglePin = useCallback((id: string) => setPinned((previous) => toggle(previous, id)), []);
  /** Pins them all, or unpins them all when all are pinned. */
  const togglePins = useCallback(
    (ids: string[]) =>
      setPinned((previous) => {
        const pin = ids.some((id) => !previous.has(id));
        const next = new Set(previous);
        for (const id of ids) {
          if (pin) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    [],
  );
  const highlight = useCallback((ids: Iterable<string>) => setHighlighted(new Set(ids)), []);
  /** A label's style; an empty one goes back to the default. Kept in this browser. */
  const setStyle = useCallback(
    (label: string, style: LabelStyle) =>
      setStyles((previous) => {
        const next = dict(Object.entries(previous).filter(([name]) => name !== label));
        if (Object.keys(style).length) next[label] = style;
        saveStyles(next);
        return next;
      }),
    [],
  );

  /** The styling rules, in the order they are tried. Kept in this browser. */
  const setRules = useCallback((next: StyleRule[]) => {
    saveRules(next);
    setRulesState(next);
  }, []);

  return {
    asOf,
    setAsOf,
    compare,
    setCompare,
    layout,
    setLayout,
    styles,
    setStyle,
    rules,
    setRules,
    pinned,
    togglePin,
    togglePins,
    unfolded,
    unfold,
    fold,
    highlighted,
    highlight,
  };
}
