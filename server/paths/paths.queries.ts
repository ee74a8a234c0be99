import neo4j, { Neo4jError, type Node as Neo4jNode, type Path } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import type { PathReasons } from '../graph/graph.schemas.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { resolvingQuery } from '../nodes/nodes.queries.js';

const cypher = loadCypher('paths/ranked', 'paths/shortest-only');

/** How long the search for next-shortest paths may take before only the shortest are looked for. */
const defaultNextShortestTimeoutMs = 3_000;

/**
 * An end with more relationships than this is a supernode: the one-ended SHORTEST k search took 3.4-9 s past a
 * 20,000-relationship hub and about 4 s towards a 60,000 one, while the search from both ends takes well under a
 * second, so it is asked at once (only the shortest paths) instead of after the timeout.
 */
export const defaultSupernodeDegree = 5_000;

export const pathRankings = ['hops', 'evidence', 'recent', 'hubs'] as const;
export type PathRanking = (typeof pathRankings)[number];

export interface RankedPath {
  path: Path;
  reasons: PathReasons;
  /** The elementIds of its nodes in order. */
  route: string;
}

export interface PathRequest {
  /** API keys of the ends. */
  from: string;
  to: string;
  maxHops: number;
  limit: number;
  rankBy: PathRanking;
  excluded: string[];
  asOf: neo4j.Date<number> | null;
  dating: Record<string, { start: string; end: string | null }>;
}

/** Candidates searched before ranking: enough next-shortest paths for the rankings to choose among. */
const candidates = 50;

const byHops = (a: PathReasons, b: PathReasons) => a.hops - b.hops;
/**
 * A path is as well evidenced as its least-evidenced step: a longer path cites more documents in all without
 * being better supported, so the weakest step decides, then fewer hops, then the distinct sources in all.
 */
const byWeakestStep = (a: PathReasons, b: PathReasons) => b.weakestStep - a.weakestStep;
const bySources = (a: PathReasons, b: PathReasons) => b.sources - a.sources;
const byRecency = (a: PathReasons, b: PathReasons) => (b.latestStart ?? '').localeCompare(a.latestStart ?? '');
const byHubs = (a: PathReasons, b: PathReasons) => (a.busiestNode?.degree ?? 0) - (b.busiestNode?.degree ?? 0);

/** Each ranking's order: its own criterion first, the others breaking ties. */
const orders: Record<PathRanking, ((a: PathReasons, b: PathReasons) => number)[]> = {
  hops: [byHops, byWeakestStep, bySources, byHubs, byRecency],
  evidence: [byWeakestStep, byHops, bySources, byHubs, byRecency],
  recent: [byRecency, byHops, byWeakestStep, bySources, byHubs],
  hubs: [byHubs, byHops, byWeakestStep, bySources, byRecency],
};

/**
 * The paths best first by `rankBy`, one per route: of paths through the same nodes in the same order (they
 * differ only in which of two nodes' parallel relationships they take), only the best ranked is kept.
 */
export function rankPaths<T extends { reasons: PathReasons; route: string }>(paths: T[], rankBy: PathRanking): T[] {
  const order = orders[rankBy];
  const sorted = [...paths].sort((a, b) => {
    for (const compare of order) {
      const difference = compare(a.reasons, b.reasons);
      if (difference) return difference;
    }
    return 0;
  });
  const routes = new Set<string>();
  return sorted.filter(({ route }) => !routes.has(route) && Boolean(routes.add(route)));
}

export interface PathAnswer {
  /** The ends found; one that no node has is absent. */
  from?: Neo4jNode;
  to?: Neo4jNode;
  paths: RankedPath[];
  /** False when the next-shortest paths were not searched for (the search ran out of time). */
  nextShortest: boolean;
}

interface Candidate {
  p: Path;
  degrees: neo4j.Integer[];
  starts: (neo4j.Date | null)[];
}

/**
 * Up to `limit` paths between two nodes, best first by `rankBy`, each with the reasons for its rank, in one
 * statement with the lookup of both ends (a second, for the shortest paths only, when the first runs out of
 * `nextShortestTimeoutMs` or finds an end with more than `supernodeDegree` relationships); `keyOf` names the
 * busiest node with its API id.
 */
export async function findRankedPaths(
  db: Database,
  catalog: Catalog,
  request: PathRequest,
  keyOf: (node: Neo4jNode) => string,
  { nextShortestTimeoutMs = defaultNextShortestTimeoutMs, supernodeDegree = defaultSupernodeDegree } = {},
): Promise<PathAnswer> {
  const search = async (query: 'paths/ranked' | 'paths/shortest-only', timeoutMs?: number) => {
    const { text, parameters, keyFor } = await resolvingQuery(db, catalog, cypher[query], [request.from, request.to], {
      k: candidates,
      maxHops: request.maxHops,
    });
    const values = {
      ...parameters,
      from: keyFor(request.from),
      to: keyFor(request.to),
      excluded: request.excluded,
      asOf: request.asOf,
      dating: request.dating,
      supernode: neo4j.int(supernodeDegree),
    };
    type Row = { a: Neo4jNode | null; b: Neo4jNode | null; paths: Candidate[]; busy?: boolean };
    return (await db.read<Row>(text, values, { timeoutMs })).records[0]!;
  };
  let nextShortest = true;
  let record;
  try {
    record = await search('paths/ranked', nextShortestTimeoutMs);
    if (record.get('busy')) {
      nextShortest = false;
      record = await search('paths/shortest-only');
    }
  } catch (error) {
    if (!(error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut'))) {
      throw error;
    }
    nextShortest = false;
    record = await search('paths/shortest-only');
  }
  const found = record.get('paths').map((candidate) => {
    const path = candidate.p;
    const degrees = candidate.degrees.map((degree) => degree.toNumber());
    const inner = path.segments.slice(0, -1).map((segment) => segment.end);
    const busiest = degrees.reduce((best, degree, index) => (degree > (degrees[best] ?? -1) ? index : best), 0);
    const starts = candidate.starts
      .filter((start): start is neo4j.Date => start !== null)
      .map(String)
      .sort();
    const cited = path.segments.map((segment) => {
      const sources: unknown = segment.relationship.properties.sources;
      return new Set(Array.isArray(sources) ? sources.map(String) : []);
    });
    const sources = new Set(cited.flatMap((step) => [...step]));
    const reasons: PathReasons = {
      hops: path.length,
      sources: sources.size,
      weakestStep: Math.min(...cited.map((step) => step.size)),
      latestStart: starts.at(-1) ?? null,
      busiestNode: inner.length ? { id: keyOf(inner[busiest]!), degree: degrees[busiest]! } : null,
      heldOn: request.asOf ? String(request.asOf) : null,
    };
    const route = [path.start, ...path.segments.map((segment) => segment.end)].map((node) => node.elementId);
    return { path, reasons, route: route.join(' ') };
  });
  return {
    from: record.get('a') ?? undefined,
    to: record.get('b') ?? undefined,
    paths: rankPaths(found, request.rankBy).slice(0, request.limit),
    nextShortest,
  };
}
