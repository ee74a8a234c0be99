import { useMemo, useState } from 'react';
import type { ApiEdge, ApiNode } from '../api/api';
import { keysOf, spanOf, targetsOf, valuesOf } from '../filters/valueSpans';
import { isInternalKey } from './labelStyles';
import type { RuleOp, StyleRule } from './rules';

const anyNode = 'node:';
const anyEdge = 'edge:';
const targetId = (kind: 'node' | 'edge', name?: string) => `${kind}:${name ?? ''}`;

const blank = { target: anyNode, key: '', op: 'is' as RuleOp, value: '', color: '#d62728' };

/**
 * The styling rules' form: add a rule, or edit one (`editing` its place in the list), with the labels, types,
 * keys and values offered from what is on the canvas. Draws nothing.
 */
export function useRuleForm(
  elements: (ApiNode | ApiEdge)[],
  rules: StyleRule[],
  onChange: (rules: StyleRule[]) => void,
) {
  const [draft, setDraft] = useState(blank);
  const [editing, setEditing] = useState<number>();
  const targets = useMemo(
    () => [
      { id: anyNode, text: 'Any node' },
      ...targetsOf(elements).map((target) => ({
        id: targetId(target.kind, target.name),
        text: `${target.name} ${target.kind === 'node' ? '(nodes)' : '(relationships)'}`,
      })),
      { id: anyEdge, text: 'Any relationship' },
    ],
    [elements],
  );
  const [kind, name] = draft.target.split(/:(.*)/s) as ['node' | 'edge', string];
  const keys = useMemo(() => {
    if (name) return keysOf(elements, { kind, name }, isInternalKey);
    const names = targetsOf(elements).filter((target) => target.kind === kind);
    return [...new Set(names.flatMap((target) => keysOf(elements, target, isInternalKey)))].sort();
  }, [elements, kind, name]);
  const key = keys.includes(draft.key) ? draft.key : (keys[0] ?? '');
  const suggestions = useMemo(() => {
    if (!key) return [];
    const names = name ? [name] : targetsOf(elements).flatMap((target) => (target.kind === kind ? [target.name] : []));
    const values = names.flatMap((found) => valuesOf(elements, kind, found, key));
    const span = spanOf(values);
    return span.kind === 'text' ? span.texts.slice(0, 50) : [String(span.min), String(span.max)];
  }, [elements, kind, name, key]);

  const change = (field: keyof typeof blank, value: string) =>
    setDraft((previous) => ({ ...previous, [field]: value }));
  const save = () => {
    if (!key || !draft.value.trim()) return;
    const rule: StyleRule = {
      kind,
      ...(name ? { name } : {}),
      key,
      op: draft.op,
      value: draft.value.trim(),
      color: draft.color,
    };
    onChange(editing === undefined ? [...rules, rule] : rules.map((old, at) => (at === editing ? rule : old)));
    setDraft(blank);
    setEditing(undefined);
  };
  const edit = (index: number) => {
    const rule = rules[index];
    if (!rule) return;
    setEditing(index);
    setDraft({
      target: targetId(rule.kind, rule.name),
      key: rule.key,
      op: rule.op,
      value: rule.value,
      color: rule.color,
    });
  };
  const cancel = () => {
    setEditing(undefined);
    setDraft(blank);
  };
  const remove = (index: number) => {
    onChange(rules.filter((_, at) => at !== index));
    if (editing === index) cancel();
    // The rule being edited moved up one place: saving must still replace it, not the one after it.
    else if (editing !== undefined && index < editing) setEditing(editing - 1);
  };

  return { draft: { ...draft, key }, change, targets, keys, suggestions, editing, save, edit, cancel, remove };
}

/** A rule as words: "Deal where status is disputed". */
export function describeRule(rule: StyleRule): string {
  const what = rule.name ?? (rule.kind === 'node' ? 'Any node' : 'Any relationship');
  // A number reads with its thousands marked (5,000,000,000), as the filter chips write it.
  const value = /^-?\d+(\.\d+)?$/.test(rule.value) ? Number(rule.value).toLocaleString('en-US') : rule.value;
  return `${what} where ${rule.key} ${rule.op} ${value}`;
}
