import { useMemo, useState } from 'react';
import type { ApiEdge, ApiNode } from '../api/api';
import { isInternalKey } from '../styling/labelStyles';
import type { ValueFilter } from './valueFilters';
import { keysOf, spanOf, targetsOf, valuesOf, type Target } from './valueSpans';

const targetId = (target: Target) => `${target.kind}:${target.name}`;

/**
 * The "filter by value" form's state: which label or type, which property, and the range or values kept,
 * read from what is on the canvas (the range of numbers and dates drawn, the texts drawn). Draws nothing.
 */
export function useValueFilterForm(elements: (ApiNode | ApiEdge)[], onApply: (filter: ValueFilter) => void) {
  const targets = useMemo(() => targetsOf(elements), [elements]);
  const [chosenTarget, setTarget] = useState<string>();
  const target = targets.find((found) => targetId(found) === chosenTarget) ?? targets[0];
  const keys = useMemo(() => (target ? keysOf(elements, target, isInternalKey) : []), [elements, target]);
  const [chosenKey, setKey] = useState<string>();
  const key = chosenKey && keys.includes(chosenKey) ? chosenKey : keys[0];
  const span = useMemo(
    () => (target && key ? spanOf(valuesOf(elements, target.kind, target.name, key)) : undefined),
    [elements, target, key],
  );
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [texts, setTexts] = useState<Set<string>>(new Set());
  const reset = () => {
    setMin('');
    setMax('');
    setTexts(new Set());
  };

  const bound = (text: string) => {
    if (text.trim() === '') return undefined;
    return span?.kind === 'number' ? Number(text) : text;
  };
  const invalid =
    span?.kind === 'number' && [min, max].some((text) => text.trim() !== '' && !Number.isFinite(Number(text)));
  const apply = () => {
    if (!target || !key || !span || invalid) return;
    if (span.kind === 'text') onApply({ ...target, key, values: [...texts].sort() });
    else
      onApply({
        ...target,
        key,
        ...(bound(min) !== undefined ? { min: bound(min) } : {}),
        ...(bound(max) !== undefined ? { max: bound(max) } : {}),
      });
    reset();
  };
  const toggleText = (text: string) =>
    setTexts((previous) => {
      const next = new Set(previous);
      if (next.has(text)) next.delete(text);
      else next.add(text);
      return next;
    });

  return {
    targets: targets.map((found) => ({ id: targetId(found), ...found })),
    target: target ? targetId(target) : '',
    chooseTarget: (id: string) => {
      setTarget(id);
      setKey(undefined);
      reset();
    },
    keys,
    key: key ?? '',
    chooseKey: (chosen: string) => {
      setKey(chosen);
      reset();
    },
    span,
    min,
    setMin,
    max,
    setMax,
    texts,
    toggleText,
    invalid,
    apply,
  };
}
