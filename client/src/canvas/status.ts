import type { ApiEdge, ApiNode } from '../api/api';
import { isDisputed } from '../evidence/disputes';
import { timeOf, type Dating } from '../time/dating';
import { changeBetween, validOn, type Change } from '../time/time';

export interface CanvasView {
  asOf?: string;
  compare?: { from: string; to: string };
  /** Which properties date the labels and types not dated by since/until. */
  dating: Dating;
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
  highlighted: Set<string>;
  pinned: Set<string>;
}

export interface ElementStatus {
  /** Filtered out by label or type. */
  hidden: boolean;
  /** Not valid on the as-of date. */
  faded: boolean;
  highlighted: boolean;
  change: Change;
  /** One version of a fact the sources state differently (its `disputes` group). */
  disputed: boolean;
}

/** How the view shows a node: the canvas draws it, the list view spells it out. */
export function nodeStatus(node: ApiNode, view: CanvasView): ElementStatus {
  return {
    hidden: node.labels.some((label) => view.hiddenLabels.has(label)),
    faded: !!view.asOf && !validOn(timeOf(node, view.dating), view.asOf),
    highlighted: view.highlighted.has(node.id),
    change: view.compare ? changeBetween(timeOf(node, view.dating), view.compare.from, view.compare.to) : 'same',
    disputed: isDisputed(node.properties),
  };
}

export function edgeStatus(edge: ApiEdge, view: CanvasView): ElementStatus {
  return {
    hidden: view.hiddenTypes.has(edge.type),
    faded: !!view.asOf && !validOn(timeOf(edge, view.dating), view.asOf),
    highlighted: view.highlighted.has(edge.id),
    change: view.compare ? changeBetween(timeOf(edge, view.dating), view.compare.from, view.compare.to) : 'same',
    disputed: isDisputed(edge.properties),
  };
}

export function describeStatus(status: ElementStatus): string {
  return [
    status.hidden && 'filtered out',
    status.faded && 'not valid on the date',
    status.highlighted && 'highlighted',
    status.change !== 'same' && status.change,
    status.disputed && 'sources disagree',
  ]
    .filter(Boolean)
    .join(', ');
}
