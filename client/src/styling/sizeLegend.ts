import type { ApiEdge, ApiNode } from '../api/api.js';
import { own } from '../app/records.js';
import { edgeWidth, nodeSize } from '../canvas/style.js';
import { sizeFor, sizeRanges, type LabelStyles } from './labelStyles.js';

/** A label sized by a property: its smallest and largest values drawn, their sizes, and the size of no value. */
export interface SizeScale {
  label: string;
  key: string;
  min: number;
  max: number;
  minSize: number;
  maxSize: number;
  /** Nodes of the label without the value, drawn at `neutral`. */
  without: number;
  neutral: number;
}

/** Relationships widened by their amount (canvas/style.ts edgeWidth): the smallest and largest drawn. */
export interface WidthScale {
  key: string;
  min: number;
  max: number;
  minWidth: number;
  maxWidth: number;
}

export interface SizeScales {
  nodes: SizeScale[];
  width?: WidthScale;
}

/** What the legend of sizes shows for the canvas, or undefined when nothing is sized or widened. */
export function sizeScales(nodes: ApiNode[], edges: ApiEdge[], styles: LabelStyles): SizeScales | undefined {
  const ranges = sizeRanges(nodes, styles);
  const scales = Object.entries(ranges).map(([label, range]) => {
    const key = own(styles, label)!.size!;
    const without = nodes.filter(
      (node) => node.labels[0] === label && typeof own(node.properties, key) !== 'number',
    ).length;
    return {
      label,
      key,
      ...range,
      minSize: sizeFor(range.min, range),
      maxSize: sizeFor(range.max, range),
      without,
      neutral: nodeSize,
    };
  });
  const amounts = edges.flatMap((edge) => {
    const amount = own(edge.properties, 'amountUsd');
    return typeof amount === 'number' && amount > 0 ? [amount] : [];
  });
  const width = amounts.length
    ? {
        key: 'amountUsd',
        min: Math.min(...amounts),
        max: Math.max(...amounts),
        minWidth: edgeWidth(Math.min(...amounts)),
        maxWidth: edgeWidth(Math.max(...amounts)),
      }
    : undefined;
  return scales.length || width ? { nodes: scales.sort((a, b) => a.label.localeCompare(b.label)), width } : undefined;
}
