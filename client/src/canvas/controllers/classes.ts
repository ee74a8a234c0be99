import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { useEffect } from 'react';
import { own } from '../../app/records';
import type { CanvasGraph } from '../../graph/canvasState';
import { countContents } from '../../probe/probe';
import { nodeLook, sizeRanges, type LabelStyles } from '../../styling/labelStyles';
import { ruleColour, type StyleRule } from '../../styling/rules';
import { groupLabel } from '../edgeGroups';
import { edgeLook, edgeStatus, nodeStatus, type CanvasView } from '../status';
import type { CanvasCore } from './canvasCore';

/** Changes a class only where it differs: on thousands of elements, toggling them all costs a frame. */
function setClass(element: NodeSingular | EdgeSingular, name: string, on: boolean): void {
  if (element.hasClass(name) !== on) element.toggleClass(name, on);
}

function classNode(element: NodeSingular, graph: CanvasGraph, view: CanvasView): void {
  const node = graph.nodes[element.id()];
  if (!node) return;
  const status = nodeStatus(node, view);
  setClass(element, 'filtered', status.hidden);
  setClass(element, 'faded', status.faded);
  setClass(element, 'highlighted', status.highlighted);
  setClass(element, 'new', status.change === 'new');
  setClass(element, 'gone', status.change === 'gone');
  setClass(element, 'disputed', status.disputed);
  setClass(element, 'annotated', view.annotated?.has(node.id) ?? false);
  const pinned = view.pinned.has(node.id);
  setClass(element, 'pinned', pinned);
  if (pinned && !element.locked()) element.lock();
  else if (!pinned && element.locked()) element.unlock();
}

function classEdge(element: EdgeSingular, graph: CanvasGraph, view: CanvasView): void {
  // A group is shown as what its shown members are (status.ts, edgeLook).
  const members = element.hasClass('group')
    ? (element.data('members') as string[])
    : [element.id().replace(/^edge:/, '')];
  const statuses = members.flatMap((id) => {
    const edge = graph.edges[id];
    return edge ? [{ edge, status: edgeStatus(edge, view) }] : [];
  });
  const look = edgeLook(statuses, view, groupLabel);
  setClass(element, 'filtered', look.filtered);
  setClass(element, 'faded', look.faded);
  setClass(element, 'partly', look.partly);
  setClass(element, 'highlighted', look.highlighted);
  setClass(element, 'new', look.new);
  setClass(element, 'gone', look.gone);
  setClass(element, 'changed', look.changed);
  setClass(element, 'disputed', look.disputed);
  setClass(
    element,
    'annotated',
    members.some((id) => view.annotated?.has(id) ?? false),
  );
  if (element.hasClass('group') && element.data('label') !== look.label) element.data('label', look.label);
}

/**
 * Element classes controller: time, comparison, filters, highlights, notes and pins are classes on the
 * drawn elements, set where they differ, never a redraw of the graph.
 */
export function useElementClasses(
  canvas: CanvasCore,
  graph: CanvasGraph,
  view: CanvasView,
  expanded: Set<string>,
): void {
  useEffect(() => {
    const instance = canvas.core;
    instance.batch(() => {
      instance.nodes().forEach((element) => classNode(element, graph, view));
      instance.edges().forEach((element) => classEdge(element, graph, view));
    });
    countContents(instance.nodes().length, Object.keys(graph.edges).length, instance.nodes().not('.filtered').length);
  }, [canvas, view, graph, expanded]);
}

/** A relationship's colour by the rules (a folded group's: its first member's that some rule colours), else none. */
function setEdgeColour(element: EdgeSingular, graph: CanvasGraph, rules: readonly StyleRule[] | undefined): void {
  const members = element.hasClass('group')
    ? (element.data('members') as string[])
    : [element.id().replace(/^edge:/, '')];
  const colour = members
    .map((id) => (graph.edges[id] ? ruleColour(graph.edges[id], rules) : undefined))
    .find((found) => found !== undefined);
  if (colour === element.data('ruleColor')) return;
  if (colour) element.data('ruleColor', colour);
  else element.removeData('ruleColor');
}

/**
 * Looks controller: colours, shapes, captions and sizes per label, the styling rules by value, and the
 * measures' sizes and colours per node, are data on the elements: a change restyles them in place.
 */
export function useNodeLooks(
  canvas: CanvasCore,
  graph: CanvasGraph,
  styles: LabelStyles | undefined,
  looks: Record<string, { size?: number; color?: string }> | undefined,
  rules?: StyleRule[],
  expanded?: Set<string>,
): void {
  useEffect(() => {
    const instance = canvas.core;
    const chosen = styles ?? {};
    const nodes = Object.values(graph.nodes);
    const ranges = sizeRanges(nodes, chosen);
    instance.batch(() => {
      for (const node of nodes) {
        const element = instance.getElementById(node.id);
        if (element.empty()) continue;
        const look = { ...nodeLook(node, chosen, ranges, rules), ...own(looks, node.id) };
        if (Object.entries(look).some(([key, value]) => element.data(key) !== value)) element.data(look);
      }
      instance.edges().forEach((element) => setEdgeColour(element, graph, rules));
    });
  }, [canvas, styles, graph, looks, rules, expanded]);
}
