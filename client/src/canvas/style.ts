import { kinds } from '../app/dataset.js';
import { dict, own } from '../app/records.js';
import type { StylesheetJson } from 'cytoscape';

/**
 * 24 colours told apart on a white canvas (Tableau's 20 and four darker tones), handed out one per label in
 * the order labels are first met, so no two labels share one before the palette runs out.
 */
export const palette = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#393b79',
  '#637939',
  '#8c6d31',
  '#843c39',
  '#aec7e8',
  '#ffbb78',
  '#98df8a',
  '#ff9896',
  '#c5b0d5',
  '#c49c94',
  '#f7b6d2',
  '#c7c7c7',
  '#dbdb8d',
  '#9edae5',
];

const storageKey = 'entente.labelColours';

/** Colours given so far, by label: kept in the browser's storage so a label keeps its colour between visits. */
const given: Record<string, string> = (() => {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(storageKey) ?? '{}');
    return dict(
      stored && typeof stored === 'object'
        ? Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
        : [],
    );
  } catch {
    return dict();
  }
})();

function colourFor(label: string): string {
  const known = given[label];
  if (known) return known;
  const taken = new Set(Object.values(given));
  const free = palette.find((colour) => !taken.has(colour));
  let hash = 0;
  for (const char of label) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  const colour = free ?? palette[Math.abs(hash) % palette.length]!;
  given[label] = colour;
  try {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(given));
  } catch {
    // Storage may be full or refused: the colour still holds for this visit.
  }
  return colour;
}

export function kindStyle(label: string | undefined): { color: string; shape: string } {
  const kind = label === undefined ? undefined : own(kinds, label);
  if (kind) return kind;
  return { color: colourFor(label ?? ''), shape: 'ellipse' };
}

/** Edge width grows with the logarithm of an amount, so $1 billion and $14 billion both stay readable. */
export function edgeWidth(amountUsd: unknown): number {
  return typeof amountUsd === 'number' && amountUsd > 0 ? Math.min(9, 1.5 + Math.log10(amountUsd / 1e6)) : 1.5;
}

/** Node width and height, which layouts need too (they run where no stylesheet is). */
export const nodeSize = 30;

/** What every node and edge looks like at any level of detail. */
const shapeRules: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      width: 'data(size)',
      height: 'data(size)',
      'border-width': 0,
    },
  },
  { selector: 'edge', style: { width: 'data(width)', 'line-color': '#94a3b8' } },
];

/** A styling rule's colour (styling/rules.ts): over the default, under the states (selection, time, highlights). */
const ruleColours: StylesheetJson = [
  { selector: 'edge[ruleColor]', style: { 'line-color': 'data(ruleColor)', 'target-arrow-color': 'data(ruleColor)' } },
];

/** Labels, arrowheads and curved parallel edges: full detail only. */
const detailRules: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(caption)',
      'font-size': 10,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      color: '#1f2937',
    },
  },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#94a3b8',
      'font-size': 10,
      color: '#334155',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
    },
  },
  // Several relationships between two nodes: one edge with their count, opened by a click.
  {
    selector: 'edge.group',
    style: {
      'line-color': '#64748b',
      'target-arrow-shape': 'none',
      'font-weight': 'bold',
      // Above other edges where they cross: a click there opens the group.
      'z-index': 5,
    },
  },
];

/**
 * Below `edgeLabelsFromZoom` edge labels would crowd each other: only counted groups, the hovered edge, the
 * selection and the selected node's relationships are labelled.
 */
const fewEdgeLabels: StylesheetJson = [
  { selector: 'edge', style: { 'text-opacity': 0 } },
  {
    selector: 'edge.group, edge.hover, edge:selected, edge.near',
    style: { 'text-opacity': 1, 'z-index': 10, 'text-background-opacity': 1 },
  },
];

const stateRules: StylesheetJson = [
  { selector: ':selected', style: { 'border-width': 3, 'border-color': '#111827', 'line-color': '#111827' } },
  // Before highlights and changes, which win over it. A version of a fact the sources disagree on: dotted violet, so it reads apart from new (green) and gone (red).
  {
    selector: 'edge.disputed',
    style: { 'line-color': '#7c3aed', 'target-arrow-color': '#7c3aed', 'line-style': 'dotted', width: 3 },
  },
  { selector: 'node.disputed', style: { 'border-width': 3, 'border-color': '#7c3aed', 'border-style': 'dotted' } },
  { selector: 'node.highlighted', style: { 'border-width': 4, 'border-color': '#f59e0b' } },
  { selector: 'edge.highlighted', style: { 'line-color': '#f59e0b', 'target-arrow-color': '#f59e0b', width: 4 } },
  { selector: '.faded', style: { opacity: 0.15 } },
  // A folded group of which only some members hold on the as-of date.
  { selector: 'edge.partly', style: { opacity: 0.55 } },
  { selector: '.filtered', style: { display: 'none' } },
  {
    selector: 'edge.new',
    style: { 'line-color': '#16a34a', 'target-arrow-color': '#16a34a', 'line-style': 'solid', width: 4 },
  },
  {
    selector: 'edge.gone',
    style: { 'line-color': '#dc2626', 'target-arrow-color': '#dc2626', 'line-style': 'dashed', width: 4 },
  },
  {
    // A folded group of which some members began and others ended between the compared dates.
    selector: 'edge.changed',
    style: { 'line-color': '#d97706', 'target-arrow-color': '#d97706', 'line-style': 'dashed', width: 4 },
  },
  { selector: 'node.new', style: { 'border-width': 4, 'border-color': '#16a34a' } },
  { selector: 'node.gone', style: { 'border-width': 4, 'border-color': '#dc2626', 'border-style': 'dashed' } },
  // A note's mark: a halo under the element, apart from the border (pins, highlights) and line (time) marks.
  {
    selector: 'node.annotated, edge.annotated',
    style: { 'underlay-color': '#7c3aed', 'underlay-opacity': 0.35, 'underlay-padding': 7 },
  },
  { selector: 'node.pinned', style: { 'border-width': 2, 'border-style': 'double', 'border-color': '#111827' } },
];

/**
 * Levels of detail. Below `outlineBelowZoom` a label is under 5 px and an arrowhead a speck: the outline
 * leaves out labels and arrowheads and draws edges straight, which spares Cytoscape most of its styling
 * and drawing and lets it cache the picture, so large graphs draw and pan quickly. A first picture of
 * `outlineFrom` nodes or more will be fitted that small, so it starts there. Between that and
 * `edgeLabelsFromZoom`, nodes are labelled but only some edges are (see fewEdgeLabels); above, all are.
 */
export type Detail = 'full' | 'nodes' | 'outline';
export const outlineBelowZoom = 0.5;
export const edgeLabelsFromZoom = 1.4;
export const outlineFrom = 500;

export function detailAt(zoom: number): Detail {
  return zoom < outlineBelowZoom ? 'outline' : zoom < edgeLabelsFromZoom ? 'nodes' : 'full';
}

export function stylesheet(detail: Detail): StylesheetJson {
  return [
    ...shapeRules,
    ...(detail === 'outline' ? [] : detailRules),
    ...(detail === 'nodes' ? fewEdgeLabels : []),
    ...ruleColours,
    ...stateRules,
  ];
}
