/**
 * Graph measures on a small graph held in memory: degree (in, out, weighted), PageRank, betweenness,
 * closeness and Louvain communities, with the sentences that explain a node's rank.
 *
 * Pure: it imports graphology and its maintained algorithm packages only (and a seeded generator), so the API (server/analytics/) and
 * the explorer's web worker (client/src/analytics/) run the same code on the same input.
 *
 * Direction: degree in/out and PageRank follow the relationships' direction (a random walk along them);
 * betweenness, closeness and communities ignore it, as "who connects whom" does, and count two nodes linked
 * by several relationships once. (Weighing communities' links by their relationships let the 19 between
 * OpenAI and Microsoft on the default view fold everything into one community of modularity 0.)
 */
import { MultiDirectedGraph, UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import closenessModule from 'graphology-metrics/centrality/closeness.js';
import pagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes.js';
import { seededRandom } from '../seededRandom.js';

/**
 * These packages are CommonJS with `export default` typings: Node (and TypeScript's NodeNext) hand over
 * `module.exports` itself, typed as a module whose `default` is the function; bundlers hand over the function.
 */
function defaultExport<T>(module: T): T extends { default: infer D } ? D : T {
  return ((module as { default?: unknown }).default ?? module) as T extends { default: infer D } ? D : T;
}
const louvain = defaultExport(louvainModule);
const closenessCentrality = defaultExport(closenessModule);
const pagerank = defaultExport(pagerankModule);

export const measureNames = ['degree', 'pagerank', 'betweenness', 'closeness', 'communities'] as const;
export type MeasureName = (typeof measureNames)[number];

/**
 * Exact betweenness runs one breadth-first search from every node: O(nodes × relationships). Above this many
 * nodes it starts from `betweennessSamples` nodes drawn with a fixed seed and scales up (Brandes & Pich's
 * estimator), and says so. Measured on a 2-core machine with twice as many relationships as nodes (and in
 * the benchmark, test/bench/analytics.ts): exact takes 0.15 s at 1,000 nodes, 0.8 s at 2,000 and 5.5 s at
 * 5,000; sampled from 300 nodes, 0.5 s at 5,000.
 */
export const exactBetweennessLimit = 1000;
export const betweennessSamples = 300;

export interface AnalyticsNode {
  id: string;
  caption: string;
}

export interface AnalyticsEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  /** The value of the weight property, when one was chosen and this relationship has a number there. */
  weight?: number;
}

export interface AnalyticsInput {
  nodes: AnalyticsNode[];
  edges: AnalyticsEdge[];
}

export interface AnalyticsOptions {
  measures: readonly MeasureName[];
  /** The property weighted degree sums (only named in the sentences; the values come in `edge.weight`). */
  weightProperty?: string;
  /** Seed of Louvain's and the betweenness sample's random choices: the same graph gives the same answer. */
  seed?: number;
  /** Nodes above which betweenness is sampled (default `exactBetweennessLimit`). */
  exactBetweennessLimit?: number;
  /** Nodes sampled when betweenness is sampled (default `betweennessSamples`). */
  betweennessSamples?: number;
}

export interface NodeValues {
  degree?: { in: number; out: number; total: number; weighted?: number };
  pagerank?: number;
  /** Normalised: the share of shortest paths between pairs of other nodes that run through this one. */
  betweenness?: number;
  /** Wasserman–Faust closeness: 1 / average distance to the nodes it reaches, times the share it reaches. */
  closeness?: number;
  /** Communities are numbered from 0, largest first. */
  community?: number;
}

export interface Community {
  id: number;
  size: number;
  /** Its members with the most relationships inside it, most first (up to five). */
  central: { id: string; caption: string; links: number }[];
  /** The relationship types between its members, most frequent first. */
  types: { type: string; count: number }[];
  explanation: string;
}

/** A measure on which nodes are ranked (degree ranks by total, or by weighted degree when weighted). */
export type RankedMeasure = 'degree' | 'weightedDegree' | 'pagerank' | 'betweenness' | 'closeness';

export interface Analysis {
  nodeCount: number;
  edgeCount: number;
  measures: MeasureName[];
  weightProperty?: string;
  values: Record<string, NodeValues>;
  /** Competition ranks (1 = highest; ties share a rank) per measure. */
  ranks: Partial<Record<RankedMeasure, Record<string, number>>>;
  /** Null when betweenness is exact (or not asked for). */
  betweennessSample: { sources: number; of: number } | null;
  communities: Community[];
  modularity?: number;
}

export interface PairThrough {
  source: string;
  target: string;
  /** The share of the pair's shortest paths that run through the node (1: all of them). */
  share: number;
  /** Steps of a shortest path between them. */
  length: number;
}

export interface Explanation {
  id: string;
  caption: string;
  sentences: { measure: RankedMeasure | 'communities'; text: string }[];
  /** Pairs of nodes whose shortest paths run through this node, the largest share first. */
  pairs?: PairThrough[];
  pairCount?: number;
}

interface Graphs {
  directed: MultiDirectedGraph;
  undirected: UndirectedGraph;
  captions: Map<string, string>;
}

function buildGraphs(input: AnalyticsInput): Graphs {
  const directed = new MultiDirectedGraph({ allowSelfLoops: true });
  const undirected = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  const captions = new Map<string, string>();
  for (const node of input.nodes) {
    if (directed.hasNode(node.id)) continue;
    directed.addNode(node.id);
    undirected.addNode(node.id);
    captions.set(node.id, node.caption);
  }
  for (const edge of input.edges) {
    if (!directed.hasNode(edge.source) || !directed.hasNode(edge.target)) continue;
    if (directed.hasEdge(edge.id)) continue;
    directed.addEdgeWithKey(edge.id, edge.source, edge.target, { weight: edge.weight, type: edge.type });
    if (edge.source === edge.target) continue;
    if (!undirected.hasEdge(edge.source, edge.target)) undirected.addEdge(edge.source, edge.target);
  }
  return { directed, undirected, captions };
}

/** Competition ranks: the highest value is 1st, equal values share a rank. */
export function ranksOf(values: Map<string, number>): Record<string, number> {
  const sorted = [...values].sort((a, b) => b[1] - a[1]);
  const ranks: Record<string, number> = Object.create(null) as Record<string, number>;
  sorted.forEach(([id, value], index) => {
    const previous = sorted[index - 1];
    ranks[id] = previous && previous[1] === value ? ranks[previous[0]]! : index + 1;
  });
  return ranks;
}

/** Betweenness by Brandes' algorithm from every node, or from `sources` of them scaled up when sampled. */
function betweenness(graph: UndirectedGraph, sources: number[] | null): Map<string, number> {
  const brandes = createUnweightedIndexedBrandes(graph);
  const order = graph.order;
  const delta = new Float64Array(order);
  const centrality = new Float64Array(order);
  const starts = sources ?? Array.from({ length: order }, (_, index) => index);
  for (const source of starts) {
    const [stack, predecessors, sigma] = brandes(source);
    delta.fill(0);
    while (stack.size !== 0) {
      const w = stack.pop()!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      for (const v of predecessors[w]!) delta[v]! += sigma[v]! * coefficient;
      if (w !== source) centrality[w]! += delta[w]!;
    }
  }
  // Each unordered pair is counted from both ends; normalised by the (n-1)(n-2) ordered pairs of others.
  const scale = (order > 2 ? 1 / ((order - 1) * (order - 2)) : 0) * (sources ? order / sources.length : 1);
  const result = new Map<string, number>();
  graph.forEachNode((node) => result.set(node, 0));
  // The index numbers nodes in graph.nodes() order (graphology-indices' NeighborhoodIndex).
  graph.nodes().forEach((node, i) => result.set(node, centrality[i]! * scale));
  return result;
}

function sampleSources(order: number, count: number, random: () => number): number[] {
  const all = Array.from({ length: order }, (_, index) => index);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (order - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}

/** Sizes of the connected components, by node (direction ignored). */
function componentSizes(graph: UndirectedGraph): Map<string, number> {
  const sizes = new Map<string, number>();
  const seen = new Set<string>();
  graph.forEachNode((start) => {
    if (seen.has(start)) return;
    const members = [start];
    seen.add(start);
    for (let i = 0; i < members.length; i++) {
      graph.forEachNeighbor(members[i]!, (neighbour) => {
        if (seen.has(neighbour)) return;
        seen.add(neighbour);
        members.push(neighbour);
      });
    }
    for (const member of members) sizes.set(member, members.length);
  });
  return sizes;
}

function communitiesOf(graphs: Graphs, assignment: Record<string, number>): Community[] {
  const { directed, undirected, captions } = graphs;
  const bySize = new Map<number, string[]>();
  for (const [node, community] of Object.entries(assignment)) {
    const members = bySize.get(community) ?? [];
    members.push(node);
    bySize.set(community, members);
  }
  const ordered = [...bySize.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  return ordered.map((members, id) => {
    const inside = new Set(members);
    const types = new Map<string, number>();
    directed.forEachEdge((_edge, attributes, source, target) => {
      if (!inside.has(source) || !inside.has(target)) return;
      const type = attributes.type as string;
      types.set(type, (types.get(type) ?? 0) + 1);
    });
    const central = members
      .map((member) => ({
        id: member,
        caption: captions.get(member) ?? member,
        links: undirected.filterNeighbors(member, (neighbour) => inside.has(neighbour)).length,
      }))
      .sort((a, b) => b.links - a.links || a.caption.localeCompare(b.caption))
      .slice(0, 5);
    const typeList = [...types]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
    for (const member of members) assignment[member] = id;
    return {
      id,
      size: members.length,
      central,
      types: typeList,
      explanation: communitySentence(members.length, central, typeList),
    };
  });
}

function communitySentence(size: number, central: Community['central'], types: Community['types']): string {
  if (size === 1) return `${central[0]?.caption ?? 'This node'} alone: no relationship ties it to a group.`;
  const who = central
    .slice(0, 3)
    .map((member) => `${member.caption} (${plural(member.links, 'link')})`)
    .join(', ');
  const bound = types
    .slice(0, 3)
    .map((type) => `${type.type} (${type.count})`)
    .join(', ');
  return `${size} nodes, bound by ${bound || 'no relationship among them'}; most central: ${who}.`;
}

/** Computes the asked measures on the graph. */
export function analyse(input: AnalyticsInput, options: AnalyticsOptions): Analysis {
  const graphs = buildGraphs(input);
  const { directed, undirected } = graphs;
  const measures = measureNames.filter((name) => options.measures.includes(name));
  const random = seededRandom(options.seed ?? 1);
  const values: Record<string, NodeValues> = Object.create(null) as Record<string, NodeValues>;
  directed.forEachNode((node) => (values[node] = {}));
  const ranks: Analysis['ranks'] = {};
  const rank = (measure: RankedMeasure, read: (node: NodeValues) => number | undefined) => {
    const map = new Map<string, number>();
    for (const [id, node] of Object.entries(values)) map.set(id, read(node) ?? 0);
    ranks[measure] = ranksOf(map);
  };
  const analysis: Analysis = {
    nodeCount: directed.order,
    edgeCount: directed.size,
    measures,
    ...(options.weightProperty ? { weightProperty: options.weightProperty } : {}),
    values,
    ranks,
    betweennessSample: null,
    communities: [],
  };

  if (measures.includes('degree')) {
    directed.forEachNode((node) => {
      const degree: NonNullable<NodeValues['degree']> = {
        in: directed.inDegree(node),
        out: directed.outDegree(node),
        total: directed.degree(node),
      };
      if (options.weightProperty) {
        let weighted = 0;
        directed.forEachEdge(node, (_edge, attributes) => {
          const weight = attributes.weight as number | undefined;
          if (typeof weight === 'number' && Number.isFinite(weight)) weighted += weight;
        });
        degree.weighted = weighted;
      }
      values[node]!.degree = degree;
    });
    rank('degree', (node) => node.degree?.total);
    if (options.weightProperty) rank('weightedDegree', (node) => node.degree?.weighted);
  }

  if (measures.includes('pagerank') && directed.order > 0) {
    const scores = pagerank(directed, { getEdgeWeight: null, alpha: 0.85, tolerance: 1e-10, maxIterations: 200 });
    for (const [node, score] of Object.entries(scores)) values[node]!.pagerank = score;
    rank('pagerank', (node) => node.pagerank);
  }

  if (measures.includes('betweenness') && undirected.order > 0) {
    const limit = options.exactBetweennessLimit ?? exactBetweennessLimit;
    const sampled = undirected.order > limit;
    const sources = sampled
      ? sampleSources(
          undirected.order,
          Math.min(options.betweennessSamples ?? betweennessSamples, undirected.order),
          random,
        )
      : null;
    for (const [node, value] of betweenness(undirected, sources)) values[node]!.betweenness = value;
    if (sources) analysis.betweennessSample = { sources: sources.length, of: undirected.order };
    rank('betweenness', (node) => node.betweenness);
  }

  if (measures.includes('closeness') && undirected.order > 0) {
    const scores = closenessCentrality(undirected, { wassermanFaust: true });
    for (const [node, score] of Object.entries(scores)) values[node]!.closeness = score;
    rank('closeness', (node) => node.closeness);
  }

  if (measures.includes('communities') && undirected.order > 0) {
    const detailed =
      undirected.size > 0
        ? louvain.detailed(undirected, { getEdgeWeight: null, rng: random })
        : { communities: Object.fromEntries(undirected.nodes().map((node, index) => [node, index])), modularity: 0 };
    const assignment = { ...detailed.communities };
    analysis.communities = communitiesOf(graphs, assignment);
    analysis.modularity = detailed.modularity;
    for (const [node, community] of Object.entries(assignment)) values[node]!.community = community;
  }
  return analysis;
}

export function ordinal(rank: number): string {
  const tens = rank % 100;
  if (tens >= 11 && tens <= 13) return `${rank}th`;
  return `${rank}${{ 1: 'st', 2: 'nd', 3: 'rd' }[rank % 10] ?? 'th'}`;
}

function plural(count: number, word: string): string {
  return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

function percent(share: number): string {
  const value = share * 100;
  if (value === 0) return '0 %';
  if (value < 1) return `${value.toPrecision(1)} %`;
  return `${Math.round(value)} %`;
}

function number(value: number): string {
  return value.toLocaleString('en', { maximumFractionDigits: 2 });
}

/**
 * The sentences that explain a node's values and ranks, and, when betweenness was measured, the pairs whose
 * shortest paths run through it (up to `maxPairs`, the largest share first; 0 leaves them out). Finding the
 * pairs runs one breadth-first search from every node: ask for them for the nodes a person looks at.
 */
export function explain(input: AnalyticsInput, analysis: Analysis, id: string, maxPairs = 10): Explanation | null {
  return explainer(input, analysis)(id, maxPairs);
}

/** `explain` for many nodes of one analysis: the graph is built once. */
export function explainer(
  input: AnalyticsInput,
  analysis: Analysis,
): (id: string, maxPairs?: number) => Explanation | null {
  const graphs = buildGraphs(input);
  let components: Map<string, number> | undefined;
  return (id, maxPairs = 10) => {
    components ??= componentSizes(graphs.undirected);
    return explainWith(graphs, components, analysis, id, maxPairs);
  };
}

function explainWith(
  graphs: Graphs,
  components: Map<string, number>,
  analysis: Analysis,
  id: string,
  maxPairs: number,
): Explanation | null {
  const values = analysis.values[id];
  if (!values) return null;
  const caption = graphs.captions.get(id) ?? id;
  const n = analysis.nodeCount;
  const among = `the ${plural(n, 'drawn node')}`;
  const position = (measure: RankedMeasure) => {
    const rank = analysis.ranks[measure]?.[id];
    return rank === undefined ? '' : ` (${ordinal(rank)} of ${n.toLocaleString('en')})`;
  };
  const sentences: Explanation['sentences'] = [];
  if (values.degree) {
    const { in: inbound, out, total, weighted } = values.degree;
    sentences.push({
      measure: 'degree',
      text: `has ${plural(total, 'relationship')} among ${among}: ${out.toLocaleString('en')} out, ${inbound.toLocaleString('en')} in${position('degree')}`,
    });
    if (weighted !== undefined && analysis.weightProperty)
      sentences.push({
        measure: 'weightedDegree',
        text: `its relationships' ${analysis.weightProperty} add up to ${number(weighted)}${position('weightedDegree')}`,
      });
  }
  if (values.pagerank !== undefined)
    sentences.push({
      measure: 'pagerank',
      text: `a random walk along the relationships' direction spends ${percent(values.pagerank)} of its time here, among ${among}${position('pagerank')}`,
    });
  let pairs: PairThrough[] | undefined;
  let pairCount: number | undefined;
  if (values.betweenness !== undefined) {
    const sample = analysis.betweennessSample;
    const estimated = sample
      ? ` (estimated from shortest paths starting at ${sample.sources.toLocaleString('en')} sampled nodes)`
      : '';
    sentences.push({
      measure: 'betweenness',
      text: `lies on ${percent(values.betweenness)} of shortest paths between ${among}${estimated}${position('betweenness')}`,
    });
    if (maxPairs > 0) {
      const through = pairsThrough(graphs.undirected, id);
      pairCount = through.length;
      pairs = through.slice(0, maxPairs);
    }
  }
  if (values.closeness !== undefined) {
    const reach = (components.get(id) ?? 1) - 1;
    // Wasserman–Faust: closeness = (reach / total distance) × (reach / (n − 1)), so the average distance is
    // reach / ((n − 1) × closeness).
    const average = reach > 0 && values.closeness > 0 ? reach / ((n - 1) * values.closeness) : 0;
    sentences.push({
      measure: 'closeness',
      text:
        reach === 0
          ? `reaches no other drawn node${position('closeness')}`
          : `reaches ${plural(reach, 'other drawn node')} in ${number(average)} steps on average, whatever the direction${position('closeness')}`,
    });
  }
  if (values.community !== undefined) {
    const community = analysis.communities[values.community];
    if (community)
      sentences.push({
        measure: 'communities',
        text: `belongs to community ${community.id + 1} of ${analysis.communities.length}: ${community.explanation}`,
      });
  }
  return { id, caption, sentences, ...(pairs ? { pairs, pairCount } : {}) };
}

/**
 * The pairs of other nodes with a shortest path through `id`: d(s, id) + d(id, t) = d(s, t), and the share
 * of their shortest paths that do, σ(s, id)·σ(id, t) / σ(s, t). Sorted by share, then by length.
 */
export function pairsThrough(graph: UndirectedGraph, id: string): PairThrough[] {
  const nodes = graph.nodes();
  const index = new Map(nodes.map((node, i) => [node, i]));
  const order = nodes.length;
  const middle = index.get(id);
  if (middle === undefined) return [];
  const search = (from: number) => {
    const distance = new Int32Array(order).fill(-1);
    const sigma = new Float64Array(order);
    distance[from] = 0;
    sigma[from] = 1;
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      graph.forEachNeighbor(nodes[v]!, (neighbour) => {
        const w = index.get(neighbour)!;
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          queue.push(w);
        }
        if (distance[w] === distance[v]! + 1) sigma[w]! += sigma[v]!;
      });
    }
    return { distance, sigma };
  };
  const fromMiddle = search(middle);
  const reached = [...fromMiddle.distance.keys()].filter((i) => i !== middle && fromMiddle.distance[i]! > 0);
  const pairs: PairThrough[] = [];
  for (const s of reached) {
    const fromS = search(s);
    for (const t of reached) {
      if (t <= s) continue;
      const length = fromS.distance[t]!;
      if (fromS.distance[middle]! + fromMiddle.distance[t]! !== length) continue;
      const share = (fromS.sigma[middle]! * fromMiddle.sigma[t]!) / fromS.sigma[t]!;
      pairs.push({ source: nodes[s]!, target: nodes[t]!, share, length });
    }
  }
  return pairs.sort((a, b) => b.share - a.share || b.length - a.length || a.source.localeCompare(b.source));
}

/**
 * The shortest paths from `source` to `target` that run through `via`, direction ignored: the nodes and
 * relationship ids on any shortest source–via path and any shortest via–target path, when via lies on a
 * shortest source–target path (else empty). For "see those paths" on a pair that betweenness counts.
 */
export function shortestPathsVia(
  input: AnalyticsInput,
  source: string,
  via: string,
  target: string,
): { nodes: string[]; edges: string[] } {
  const neighbours = new Map<string, { node: string; edge: string }[]>();
  const known = new Set(input.nodes.map((node) => node.id));
  for (const edge of input.edges) {
    if (!known.has(edge.source) || !known.has(edge.target) || edge.source === edge.target) continue;
    if (!neighbours.has(edge.source)) neighbours.set(edge.source, []);
    if (!neighbours.has(edge.target)) neighbours.set(edge.target, []);
    neighbours.get(edge.source)!.push({ node: edge.target, edge: edge.id });
    neighbours.get(edge.target)!.push({ node: edge.source, edge: edge.id });
  }
  const distances = (from: string) => {
    const distance = new Map([[from, 0]]);
    const queue = [from];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const next of neighbours.get(node) ?? []) {
        if (distance.has(next.node)) continue;
        distance.set(next.node, distance.get(node)! + 1);
        queue.push(next.node);
      }
    }
    return distance;
  };
  const [fromSource, fromVia, fromTarget] = [distances(source), distances(via), distances(target)];
  const toVia = fromSource.get(via);
  const onward = fromVia.get(target);
  if (toVia === undefined || onward === undefined || fromSource.get(target) !== toVia + onward)
    return { nodes: [], edges: [] };
  const nodes = new Set<string>();
  const edges = new Set<string>();
  /** Relationships a → b on a shortest path from one end to the other, whose lengths the two maps give. */
  const collect = (fromStart: Map<string, number>, fromEnd: Map<string, number>, length: number) => {
    for (const [node, list] of neighbours) {
      const before = fromStart.get(node);
      if (before === undefined) continue;
      for (const next of list) {
        const after = fromEnd.get(next.node);
        if (after === undefined || before + 1 + after !== length) continue;
        nodes.add(node).add(next.node);
        edges.add(next.edge);
      }
    }
  };
  collect(fromSource, fromVia, toVia);
  collect(fromVia, fromTarget, onward);
  return { nodes: [...nodes], edges: [...edges] };
}
