import type { Analysis, NodeValues, RankedMeasure } from '../../../shared/analytics/measures.js';
import { dict, own } from '../app/records.js';
import { palette } from '../canvas/style.js';

/** A rule of the styling panel that draws the measures: nodes sized by one, coloured by one or by community. */
export interface MeasureRule {
  size?: RankedMeasure;
  color?: RankedMeasure | 'community';
}

export const rankedMeasures: { key: RankedMeasure; name: string }[] = [
  { key: 'degree', name: 'Degree' },
  { key: 'weightedDegree', name: 'Weighted degree' },
  { key: 'pagerank', name: 'PageRank' },
  { key: 'betweenness', name: 'Betweenness' },
  { key: 'closeness', name: 'Closeness' },
];

export function measureName(key: RankedMeasure): string {
  return rankedMeasures.find((measure) => measure.key === key)?.name ?? key;
}

/** A node's value of a ranked measure. */
export function valueOf(values: NodeValues | undefined, measure: RankedMeasure): number | undefined {
  if (!values) return undefined;
  if (measure === 'degree') return values.degree?.total;
  if (measure === 'weightedDegree') return values.degree?.weighted;
  return values[measure];
}

/** Communities take the palette in order, the largest first; past 24 they share colours. */
export function communityColour(community: number): string {
  return palette[community % palette.length]!;
}

/** A sequential scale from light to dark blue: low values pale, high ones strong. */
const low = [219, 234, 254];
const high = [30, 58, 138];
function shade(share: number): string {
  const channel = (index: number) => Math.round(low[index]! + (high[index]! - low[index]!) * share);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

export interface NodeOverride {
  size?: number;
  color?: string;
}

/**
 * How the rule draws each measured node: sizes from 16 to 56 px by the square root of its share of the
 * highest value (areas then compare like the values), colours by community or on a light-to-dark scale.
 * Nodes the measures left out (filtered, or not holding on the date) keep their label's look.
 */
export function measureLooks(analysis: Analysis | undefined, rule: MeasureRule): Record<string, NodeOverride> {
  const looks = dict<NodeOverride>();
  if (!analysis || (!rule.size && !rule.color)) return looks;
  const entries = Object.entries(analysis.values);
  const highest = (measure: RankedMeasure) =>
    Math.max(0, ...entries.map(([, values]) => valueOf(values, measure) ?? 0)) || 1;
  const sizeTop = rule.size ? highest(rule.size) : 1;
  const colourTop = rule.color && rule.color !== 'community' ? highest(rule.color) : 1;
  for (const [id, values] of entries) {
    const look: NodeOverride = {};
    if (rule.size) look.size = Math.round(16 + 40 * Math.sqrt(Math.max(0, valueOf(values, rule.size) ?? 0) / sizeTop));
    if (rule.color === 'community' && values.community !== undefined) look.color = communityColour(values.community);
    else if (rule.color && rule.color !== 'community')
      look.color = shade(Math.max(0, valueOf(values, rule.color) ?? 0) / colourTop);
    looks[id] = look;
  }
  return looks;
}

/** The rank of a node on a measure, as the analysis computed it. */
export function rankOf(analysis: Analysis, measure: RankedMeasure, id: string): number | undefined {
  return own(analysis.ranks[measure], id);
}

/** A value as people read it: counts whole, shares as percentages, small numbers with three digits. */
export function formatValue(measure: RankedMeasure, value: number | undefined): string {
  if (value === undefined) return '–';
  if (value === 0) return '0';
  if (measure === 'degree') return String(value);
  if (measure === 'weightedDegree') return value.toLocaleString('en', { maximumFractionDigits: 2 });
  if (measure === 'betweenness' || measure === 'pagerank') return `${(value * 100).toFixed(value < 0.01 ? 2 : 1)} %`;
  return value.toFixed(3);
}

const isMeasure = (value: unknown): value is RankedMeasure => rankedMeasures.some((measure) => measure.key === value);

/** The rule kept in this browser, when well formed (storage may hold anything). */
export function readRule(value: unknown): MeasureRule {
  if (!value || typeof value !== 'object') return {};
  const { size, color } = value as Record<string, unknown>;
  return {
    ...(isMeasure(size) ? { size } : {}),
    ...(isMeasure(color) || color === 'community' ? { color } : {}),
  };
}
