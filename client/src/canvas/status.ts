import type { ApiEdge, ApiNode } from '../api/api';
import { changeBetween, validOn, type Change } from '../time/time';

export interface CanvasView {
  asOf?: string;
  compare?: { from: string; to: string };
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
}

/** How the view shows a node: the canvas draws it, the list view spells it out. */
export function nodeStatus(node: ApiNode, view: CanvasView): ElementStatus {
  return {
    hidden: node.labels.some((label) => view.hiddenLabels.has(label)),
    faded: !!view.asOf && !validOn(node.properties, view.asOf),
    highlighted: view.highlighted.has(node.id),
    change: 'same',
  };
}

export function edgeStatus(edge: ApiEdge, view: CanvasView): ElementStatus {
  return {
    hidden: view.hiddenTypes.has(edge.type),
    faded: !!view.asOf && !validOn(edge.properties, view.asOf),
    highlighted: view.highlighted.has(edge.id),
    change: view.compare ? changeBetween(edge.properties, view.compare.from, view.compare.to) : 'same',
  };
}

export function describeStatus(status: ElementStatus): string {
  return [
    status.hidden && 'filtered out',
    status.faded && 'not valid on the date',
    status.highlighted && 'highlighted',
    status.change !== 'same' && status.change,
  ]
    .filter(Boolean)
    .join(', ');
}
