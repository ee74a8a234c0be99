import type { Schema } from '../api/api';

/** The overview's drawing area, in pixels. */
export const overviewSize = { width: 640, height: 460 };

/** Labels drawn at most; the rest are named in a line below. */
export const shownLabels = 24;

export interface PlacedLabel {
  x: number;
  y: number;
  /** The disc's diameter. */
  size: number;
  label: Schema['labels'][number];
}

/** Room kept between two neighbouring discs, for the caption under each. */
const discGap = 16;

/**
 * Labels on an ellipse as wide as the area allows (captions sit side by side at its top and bottom), each a
 * disc whose area grows with its count. Discs shrink as the ellipse fills, so that neighbours never touch:
 * at thirteen labels and more, full-sized discs crowded into one another.
 */
export function placeLabels(labels: Schema['labels']): Map<string, PlacedLabel> {
  const { width, height } = overviewSize;
  const largest = Math.max(1, ...labels.map((label) => label.count));
  const [rx, ry] = labels.length > 1 ? [width / 2 - 90, height / 2 - 60] : [0, 0];
  // The nearest two neighbours are on the ellipse's flatter sides, at the shorter radius.
  const room = labels.length > 1 ? 2 * ry * Math.sin(Math.PI / labels.length) - discGap : 80;
  const biggest = Math.max(12, Math.min(80, room));
  const smallest = Math.min(28, biggest / 2);
  return new Map(
    labels.map((label, index) => {
      const angle = (2 * Math.PI * index) / labels.length - Math.PI / 2;
      const size = smallest + (biggest - smallest) * Math.sqrt(label.count / largest);
      const place = { x: width / 2 + rx * Math.cos(angle), y: height / 2 + ry * Math.sin(angle), size, label };
      return [label.name, place] as const;
    }),
  );
}

export interface LabelLink {
  from: string;
  to: string;
  /** Every type joining the two labels, either way. */
  types: string[];
  /** What the line says: the types, or the first and how many more. */
  caption: string;
}

/**
 * One line per pair of drawn labels, saying the types that join them in either direction: one line per type
 * wrote several type names over each other at the same middle.
 */
export function labelLinks(links: Schema['links'], drawn: ReadonlySet<string>): LabelLink[] {
  const pairs = new Map<string, LabelLink>();
  for (const link of links) {
    if (!drawn.has(link.from) || !drawn.has(link.to)) continue;
    const [from, to] = [link.from, link.to].sort() as [string, string];
    const key = JSON.stringify([from, to]);
    const pair = pairs.get(key) ?? { from, to, types: [], caption: '' };
    if (!pair.types.includes(link.type)) pair.types.push(link.type);
    pairs.set(key, pair);
  }
  return [...pairs.values()].map((pair) => {
    const types = pair.types.sort();
    const caption = types.length <= 2 ? types.join(' · ') : `${types[0]} +${types.length - 1} more`;
    return { ...pair, types, caption };
  });
}
