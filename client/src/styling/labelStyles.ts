import type { ApiNode } from '../api/api.js';
import { dict, own } from '../app/records.js';
import { kindStyle, nodeSize } from '../canvas/style.js';
import { formatDate, formatProperty } from '../inspect/format.js';
import { dateOf } from '../time/time.js';
import { ruleColour, type StyleRule } from './rules.js';

/** What a user chose for one label: colour, shape, the property shown as caption, the property sizing nodes. */
export interface LabelStyle {
  color?: string;
  shape?: string;
  /** A property key whose value is the caption, instead of the server's caption. */
  caption?: string;
  /** A numeric property key: nodes grow with its value (square root, so areas compare). */
  size?: string;
}

export type LabelStyles = Record<string, LabelStyle>;

/** Shapes Cytoscape draws and the SVG export can draw too. */
export const shapes = [
  'ellipse',
  'rectangle',
  'round-rectangle',
  'triangle',
  'diamond',
  'pentagon',
  'hexagon',
  'star',
  'tag',
  'vee',
];

const storageKey = 'entente.labelStyles';

const isStyle = (value: unknown): value is LabelStyle =>
  !!value &&
  typeof value === 'object' &&
  Object.entries(value).every(
    ([key, field]) => ['color', 'shape', 'caption', 'size'].includes(key) && typeof field === 'string',
  );

/**
 * Keys that are the dataset's bookkeeping, not something to read on the canvas: ids, date precisions, the
 * claim and sources of a fact, Entente's own keys.
 */
export function isInternalKey(key: string): boolean {
  return (
    key === 'id' || key === 'claim' || key === 'sources' || key.startsWith('_entente') || key.endsWith('Precision')
  );
}

/**
 * A property chosen as caption, as a person reads it: dates at their precision ("July 2019"), amounts in
 * words; a map has no short reading and leaves the default caption.
 */
export function captionText(key: string, value: unknown, properties: Record<string, unknown>): string {
  if (value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value))) return '';
  const text = formatProperty(key, value, properties);
  if (typeof value === 'string' && text === value && dateOf(value))
    return formatDate(value, own(properties, `${key}Precision`));
  return text;
}

/** The size range nodes sized by a property are drawn in; nodes without the value keep `nodeSize`. */
export const sizeBounds = { smallest: 14, largest: 60 };

/**
 * A node's size for its value: the area grows with the value (the largest value is drawn largest), or, where
 * values go below zero, with the value's place between the smallest and the largest.
 */
export function sizeFor(value: number, range: { min: number; max: number }): number {
  const { smallest, largest } = sizeBounds;
  if (range.min >= 0)
    return range.max > 0 ? Math.max(smallest, Math.round(largest * Math.sqrt(value / range.max))) : largest;
  const spread = range.max - range.min;
  return spread ? Math.round(smallest + (largest - smallest) * Math.sqrt((value - range.min) / spread)) : largest;
}

/** Only well-formed entries of a stored or shared value (a link or storage may hold anything). */
export function readStyles(value: unknown): LabelStyles | undefined {
  if (!value || typeof value !== 'object') return undefined;
  return dict(Object.entries(value).filter((entry): entry is [string, LabelStyle] => isStyle(entry[1])));
}

export function loadStyles(): LabelStyles {
  try {
    return readStyles(JSON.parse(globalThis.localStorage?.getItem(storageKey) ?? '{}')) ?? dict();
  } catch {
    return dict();
  }
}

export function saveStyles(styles: LabelStyles): void {
  try {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(styles));
  } catch {
    // Storage full or refused: the styles hold for this visit and in the link.
  }
}

/** The smallest and largest value of each sizing property among the nodes, per label. */
export function sizeRanges(nodes: ApiNode[], styles: LabelStyles): Record<string, { min: number; max: number }> {
  const ranges = dict<{ min: number; max: number }>();
  for (const node of nodes) {
    const label = node.labels[0];
    const key = label && own(styles, label)?.size;
    const value = key ? own(node.properties, key) : undefined;
    if (!label || typeof value !== 'number' || !Number.isFinite(value)) continue;
    const range = (ranges[label] ??= { min: value, max: value });
    range.min = Math.min(range.min, value);
    range.max = Math.max(range.max, value);
  }
  return ranges;
}

/** How a node is drawn: its label's colour and shape (chosen or default), caption and size. */
export function nodeLook(
  node: ApiNode,
  styles: LabelStyles,
  ranges: Record<string, { min: number; max: number }>,
  rules?: readonly StyleRule[],
): { color: string; shape: string; caption: string; size: number } {
  const label = node.labels[0];
  const chosen = (label && own(styles, label)) || {};
  const base = kindStyle(label);
  const captionValue = chosen.caption ? own(node.properties, chosen.caption) : undefined;
  const value = chosen.size ? own(node.properties, chosen.size) : undefined;
  const range = label ? own(ranges, label) : undefined;
  return {
    color: ruleColour(node, rules) ?? chosen.color ?? base.color,
    shape: chosen.shape ?? base.shape,
    caption: (chosen.caption && captionText(chosen.caption, captionValue, node.properties)) || node.caption,
    size: typeof value === 'number' && Number.isFinite(value) && range ? sizeFor(value, range) : nodeSize,
  };
}
