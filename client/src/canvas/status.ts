import type { ApiEdge, ApiNode } from '../api/api';
import { isDisputed } from '../evidence/disputes';
import { failsValueFilters, type ValueFilter } from '../filters/valueFilters';
import { timeOf, type Dating } from '../time/dating';
import { changeBetween, validOn, type Change } from '../time/time';

export interface CanvasView {
  asOf?: string;
  compare?: { from: string; to: string };
  /** Which properties date the labels and types not dated by since/until. */
  dating: Dating;
  hiddenLabels: Set<string>;
  hiddenTypes: Set<string>;
  /** Filters by property value: an element they concern whose value fails one is filtered out. */
  valueFilters?: ValueFilter[];
  highlighted: Set<string>;
  pinned: Set<string>;
  /** Nodes and relationships an investigation's notes are on (drawn with a mark). */
  annotated?: Set<string>;
}

export interface ElementStatus {
  /** Filtered out by label or type, or by a property's value. */
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
    hidden: node.labels.some((label) => view.hiddenLabels.has(label)) || failsValueFilters(node, view.valueFilters),
    faded: !!view.asOf && !validOn(timeOf(node, view.dating), view.asOf),
    highlighted: view.highlighted.has(node.id),
    change: view.compare ? changeBetween(timeOf(node, view.dating), view.compare.from, view.compare.to) : 'same',
    disputed: isDisputed(node.properties),
  };
}

export function edgeStatus(edge: ApiEdge, view: CanvasView): ElementStatus {
  return {
    hidden: view.hiddenTypes.has(edge.type) || failsValueFilters(edge, view.valueFilters),
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

/** How one canvas edge shows the relationships it stands for: its own, or a folded group's members. */
export interface EdgeLook {
  /** The relationship's type, or the group's count with how many hold on the as-of date and what changed. */
  label: string;
  /** Every member filtered out. */
  filtered: boolean;
  /** No member holds on the as-of date. */
  faded: boolean;
  /** Some members hold on the as-of date and some do not. */
  partly: boolean;
  /** Members began between the compared dates, and none ended. */
  new: boolean;
  /** Members ended between the compared dates, and none began. */
  gone: boolean;
  /** Some members began and others ended between the compared dates. */
  changed: boolean;
  highlighted: boolean;
  disputed: boolean;
}

/**
 * A folded group is shown as what its shown members are: their count, how many of them hold on the as-of
 * date ("17 relationships · 16 hold") and how many began or ended between the compared dates ("· 1 new ·
 * 1 gone"), faded when none holds and half faded when only some do. A single relationship is its type.
 */
export function edgeLook(
  members: { edge: ApiEdge; status: ElementStatus }[],
  view: Pick<CanvasView, 'asOf' | 'compare'>,
  groupLabel: (count: number) => string,
): EdgeLook {
  const shown = members.filter(({ status }) => !status.hidden);
  const count = shown.length;
  const holding = shown.filter(({ status }) => !status.faded).length;
  const began = shown.filter(({ status }) => status.change === 'new').length;
  const ended = shown.filter(({ status }) => status.change === 'gone').length;
  const label =
    count === 1
      ? shown[0]!.edge.type
      : [
          groupLabel(count),
          view.asOf && `${holding} hold`,
          view.compare && began && `${began} new`,
          view.compare && ended && `${ended} gone`,
        ]
          .filter(Boolean)
          .join(' · ');
  return {
    label,
    filtered: count === 0,
    faded: count > 0 && holding === 0,
    partly: holding > 0 && holding < count,
    new: began > 0 && ended === 0,
    gone: ended > 0 && began === 0,
    changed: began > 0 && ended > 0,
    highlighted: shown.some(({ status }) => status.highlighted),
    disputed: shown.some(({ status }) => status.disputed),
  };
}
