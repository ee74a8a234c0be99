import type { ApiEdge, ApiNode } from '../api/api.js';
import { own } from '../app/records.js';
import { dateOf } from '../time/time.js';

/**
 * A styling rule by value, as Bloom's rule-based styling: the nodes (of a label, or any) or relationships (of
 * a type, or any) whose property compares to a value take a colour. Rules are tried in order; the first that
 * matches colours the element, over its label's colour.
 */
export interface StyleRule {
  kind: 'node' | 'edge';
  /** The label or relationship type; none for all. */
  name?: string;
  key: string;
  op: RuleOp;
  value: string;
  color: string;
}

export const ruleOps = ['is', 'is not', 'contains', 'above', 'below'] as const;
export type RuleOp = (typeof ruleOps)[number];

/** Numbers compare as numbers, dates as days, anything else as text (case aside). */
function compare(actual: unknown, op: RuleOp, wanted: string): boolean {
  if (actual === undefined || actual === null) return op === 'is not';
  const text = Array.isArray(actual)
    ? actual.join(', ')
    : typeof actual === 'number' || typeof actual === 'boolean' || typeof actual === 'string'
      ? String(actual)
      : JSON.stringify(actual);
  if (op === 'is') return text.toLowerCase() === wanted.trim().toLowerCase();
  if (op === 'is not') return text.toLowerCase() !== wanted.trim().toLowerCase();
  if (op === 'contains') return text.toLowerCase().includes(wanted.trim().toLowerCase());
  const number = Number(wanted);
  if (typeof actual === 'number' && wanted.trim() !== '' && Number.isFinite(number))
    return op === 'above' ? actual > number : actual < number;
  const [day, bound] = [dateOf(actual), dateOf(wanted.trim())];
  if (day && bound) return op === 'above' ? day > bound : day < bound;
  return false;
}

const concerns = (rule: StyleRule, element: ApiNode | ApiEdge) =>
  rule.kind === 'node'
    ? 'labels' in element && (!rule.name || element.labels.includes(rule.name))
    : 'type' in element && (!rule.name || element.type === rule.name);

/** The colour of the first rule that matches the element, if any. */
export function ruleColour(element: ApiNode | ApiEdge, rules: readonly StyleRule[] | undefined): string | undefined {
  return rules?.find(
    (rule) => concerns(rule, element) && compare(own(element.properties, rule.key), rule.op, rule.value),
  )?.color;
}

const isRule = (value: unknown): value is StyleRule => {
  if (!value || typeof value !== 'object') return false;
  const rule = value as Partial<StyleRule>;
  return (
    (rule.kind === 'node' || rule.kind === 'edge') &&
    (rule.name === undefined || typeof rule.name === 'string') &&
    typeof rule.key === 'string' &&
    ruleOps.includes(rule.op as RuleOp) &&
    typeof rule.value === 'string' &&
    typeof rule.color === 'string' &&
    /^#[0-9a-f]{6}$/i.test(rule.color)
  );
};

/** Only well-formed rules of a stored or shared value. */
export function readRules(value: unknown): StyleRule[] | undefined {
  return Array.isArray(value) ? value.filter(isRule) : undefined;
}

const storageKey = 'entente.styleRules';

export function loadRules(): StyleRule[] {
  try {
    return readRules(JSON.parse(globalThis.localStorage?.getItem(storageKey) ?? '[]')) ?? [];
  } catch {
    return [];
  }
}

export function saveRules(rules: StyleRule[]): void {
  try {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(rules));
  } catch {
    // Storage full or refused: the rules hold for this visit and in the link.
  }
}
