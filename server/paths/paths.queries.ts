import neo4j, { Neo4jError, type Node as Neo4jNode, type Path } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import type { PathReasons } from '../graph/graph.schemas.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { resolvingQuery } from '../nodes/nodes.queries.js';
import { fillNumbers } from '../neo4j/names.js';

const cypher = loadCypher('paths/ranked', 'paths/shortest-only');

/** How long the search for next-shortest paths may take before only the shortest are looked for. */
const defaultNextShortestTimeoutMs = 3_000;

export const pathRankings = ['hops', 'evidence', 'recent', 'hubs'] as const;
export type PathRanking = (typeof pathRankings)[number];

export interface RankedPath {
  path: Path;
  reasons: PathReasons;
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
const byEvidence = (a: PathReasons, b: PathReasons) => b.sources - a.sources;
const byRecency = (a: PathReasons, b: PathReasons) => (b.latestStart ?? '').localeCompare(a.latestStart ?? '');
const byHubs = (a: PathReasons, b: PathReasons) => (a.busiestNode?.degree ?? 0) - (b.busiestNode?.degree ?? 0);

/** Each ranking's order: its own criterion first, the others breaking ties. */
const orders: Record<PathRanking, ((a: PathReasons, b: PathReasons) => number)[]> = {
  hops: [byHops, byEvidence, byHubs, byRecency],
  evidence: [byEvidence, byHops, byHubs, byRecency],
  recent: [byRecency, byHops, byEvidence, byHubs],
  hubs: [byHubs, byHops, byEvidence, byRecency],
};

export function rankPaths<T extends { reasons: PathReasons }>(paths: T[], rankBy: PathRanking): T[] {
  const order = orders[rankBy];
  return [...paths].sort((a, b) => {
    for (const compare of order) {
      const difference = compare(a.reasons, b.reasons);
      if (difference) return difference;
    }
    return 0;
  });
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
 * `nextShortestTimeoutMs`); `keyOf` names the busiest node with its API id.
 */
export async function findRankedPaths(
  db: Database,
  catalog: Catalog,
  request: PathRequest,
  keyOf: (node: Neo4jNode) => string,
  { nextShortestTimeoutMs = defaultNextShortestTimeoutMs } = {},
): Promise<PathAnswer> {
  const search = async (query: 'paths/ranked' | 'paths/shortest-only', timeoutMs?: number) => {
    const filled = fillNumbers(cypher[query], { k: candidates, maxHops: request.maxHops });
    const { text, parameters, keyFor } = await resolvingQuery(db, catalog, filled, [request.from, request.to]);
    const values = {
      ...parameters,
      from: keyFor(request.from),
      to: keyFor(request.to),
      excluded: request.excluded,
      asOf: request.asOf,
      dating: request.dating,
    };
    type Row = { a: Neo4jNode | null; b: Neo4jNode | null; paths: Candidate[] };
    return (await db.read<Row>(text, values, { timeoutMs })).records[0]!;
  };
  let nextShortest = true;
  let record;
  try {
    record = await search('paths/ranked', nextShortestTimeoutMs);
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
    const sources = new Set(
      path.segments.flatMap((segment) => {
        const cited: unknown = segment.relationship.properties.sources;
        return Array.isArray(cited) ? cited.map(String) : [];
      }),
    );
    const reasons: PathReasons = {
      hops: path.length,
      sources: sources.size,
      latestStart: starts.at(-1) ?? null,
      busiestNode: inner.length ? { id: keyOf(inner[busiest]!), degree: degrees[busiest]! } : null,
      heldOn: request.asOf ? String(request.asOf) : null,
    };
    return { path, reasons };
  });
  return {
    from: record.get('a') ?? undefined,
    to: record.get('b') ?? undefined,
    paths: rankPaths(found, request.rankBy).slice(0, request.limit),
    nextShortest,
  };
}
