import type { ApiNode } from '../api/api.js';
import { dict, own } from '../app/records.js';
import { kindStyle, nodeSize } from '../canvas/style.js';

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

/** A property chosen as caption, as text; a map has no short reading and leaves the default caption. */
function captionText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? value.join(', ') : '';
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
): { color: string; shape: string; caption: string; size: number } {
  const label = node.labels[0];
  const chosen = (label && own(styles, label)) || {};
  const base = kindStyle(label);
  const captionValue = chosen.caption ? own(node.properties, chosen.caption) : undefined;
  let size = nodeSize;
  const value = chosen.size ? own(node.properties, chosen.size) : undefined;
  const range = label ? own(ranges, label) : undefined;
  if (typeof value === 'number' && range) {
    const spread = Math.sqrt(range.max - range.min) || 1;
    size = Math.round(16 + 30 * (Math.sqrt(Math.max(0, value - range.min)) / spread));
  }
  return {
    color: chosen.color ?? base.color,
    shape: chosen.shape ?? base.shape,
    caption: captionText(captionValue) || node.caption,
    size,
  };
}
