import type { ApiEdge, ApiNode, Graph, PathReasons, RankedPath } from '../api/api';
import { formatDate, formatUsd } from '../inspect/format';
import { timeOf, type Dating } from '../time/dating';
import { verbOf } from '../time/timeline';

/** How /api/paths ranks: fewest hops, best evidenced, most recent, or avoiding busy nodes. */
export const rankings = [
  ['hops', 'Fewest steps'],
  ['evidence', 'Best evidenced'],
  ['recent', 'Most recent'],
  ['hubs', 'Avoiding hubs'],
] as const;
export type Ranking = (typeof rankings)[number][0];

/**
 * How many steps a path may have, as GET /api/paths allows (maxHops 1 to 8, 4 by default), each with what it
 * costs: every step more multiplies the paths the search walks by the neighbours of the nodes it reaches.
 */
export const hopLimits = [
  [4, '4 steps (quick)'],
  [5, '5 steps (a few seconds on a busy graph)'],
  [6, '6 steps (often several seconds)'],
  [7, '7 steps (can take tens of seconds)'],
  [8, '8 steps (may stop at the 15 s time limit)'],
] as const;
export const defaultHopLimit = 4;

/** The limit to suggest when no path was found within `maxHops`: the next, or none past the last offered. */
export function widerLimit(maxHops: number): number | undefined {
  return hopLimits.find(([hops]) => hops > maxHops)?.[0];
}

/** How long a search took, for the panel: "0.4 s", "12 s". */
export function searchTime(seconds: number): string {
  return seconds < 10 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds)} s`;
}

export type { RankedPath };

export interface PathStep {
  edge: ApiEdge;
  /** True when the relationship points along the path (from the node before to the node after). */
  forward: boolean;
  to: ApiNode;
}

/** The path's nodes and relationships in order from `from`, however the server listed them. */
export function stepsOf(path: Graph, from: string): { start?: ApiNode; steps: PathStep[] } {
  const nodes = new Map(path.nodes.map((node) => [node.id, node]));
  const left = [...path.edges];
  const steps: PathStep[] = [];
  let at = from;
  while (left.length) {
    const index = left.findIndex((edge) => edge.source === at || edge.target === at);
    if (index < 0) break;
    const [edge] = left.splice(index, 1);
    const forward = edge!.source === at;
    at = forward ? edge!.target : edge!.source;
    const to = nodes.get(at);
    if (!to) break;
    steps.push({ edge: edge!, forward, to });
  }
  return { start: nodes.get(from), steps };
}

/** A share as people read it: "33 %", "30–35 %". */
function percentText({ percent, percentMin, percentMax }: Record<string, unknown>): string | undefined {
  if (typeof percent === 'number') return `${percent} %`;
  if (typeof percentMin === 'number' && typeof percentMax === 'number') return `${percentMin}–${percentMax} %`;
  return undefined;
}

/** What a step stands on, in brackets: its amount or share, the year it began and how many sources state it. */
function evidence(edge: ApiEdge, dating: Dating): string {
  const { since } = timeOf(edge, dating);
  const amount = edge.properties.amountUsd;
  const sources = Array.isArray(edge.properties.sources) ? edge.properties.sources.length : 0;
  const parts = [
    typeof amount === 'number' ? formatUsd(amount) : undefined,
    percentText(edge.properties),
    since?.slice(0, 4),
    sources ? `${sources} source${sources === 1 ? '' : 's'}` : undefined,
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** A path as a sentence: "Microsoft —invested in (2019, 2 sources)→ OpenAI ←founded— Sam Altman". */
export function pathChain(path: Graph, from: string, dating: Dating = {}): string {
  const { start, steps } = stepsOf(path, from);
  let text = start?.caption ?? from;
  for (const { edge, forward, to } of steps) {
    const verb = `${verbOf(edge.type, edge.properties)}${evidence(edge, dating)}`;
    text += forward ? ` —${verb}→ ${to.caption}` : ` ←${verb}— ${to.caption}`;
  }
  return text;
}

/** Why a path ranks where it does, in a few words. */
export function reasonsText(reasons: PathReasons, captionOf: (id: string) => string): string {
  return [
    `${reasons.hops} step${reasons.hops === 1 ? '' : 's'}`,
    // Sources are the default dataset's evidence: a graph without any has nothing to count.
    reasons.sources > 0 && `${reasons.sources} distinct source${reasons.sources === 1 ? '' : 's'}`,
    reasons.hops > 1 &&
      reasons.sources > 0 &&
      `weakest step ${reasons.weakestStep} source${reasons.weakestStep === 1 ? '' : 's'}`,
    reasons.latestStart && `latest began ${reasons.latestStart.slice(0, 4)}`,
    reasons.busiestNode && `busiest node ${captionOf(reasons.busiestNode.id)} (${reasons.busiestNode.degree})`,
    reasons.heldOn && `held on ${formatDate(reasons.heldOn)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** One step of a path as a line of its own, and whether the canvas draws it. */
export interface DrawnStep {
  text: string;
  drawn: boolean;
}

/**
 * What of a path the canvas already draws: each step (drawn when its relationship is on the canvas), and the
 * nodes it would add. Only the drawn part can be highlighted; the rest is for "Add this path" to draw.
 */
export function drawnSteps(
  path: Graph,
  from: string,
  canvas: { nodes: Record<string, unknown>; edges: Record<string, unknown> },
): { steps: DrawnStep[]; missingNodes: ApiNode[] } {
  const { start, steps } = stepsOf(path, from);
  const lines: DrawnStep[] = [];
  let at = start?.caption ?? from;
  for (const { edge, forward, to } of steps) {
    const verb = verbOf(edge.type, edge.properties);
    lines.push({
      text: forward ? `${at} —${verb}→ ${to.caption}` : `${at} ←${verb}— ${to.caption}`,
      drawn: Object.hasOwn(canvas.edges, edge.id),
    });
    at = to.caption;
  }
  return { steps: lines, missingNodes: path.nodes.filter((node) => !Object.hasOwn(canvas.nodes, node.id)) };
}
