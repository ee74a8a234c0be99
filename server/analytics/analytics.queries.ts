import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import type { ApiGraph } from '../graph/graph.schemas.js';
import { GraphBuilder } from '../graph/mapping.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { resolveNodes } from '../nodes/nodes.queries.js';
import { maxAnalyticsNodes, maxAnalyticsRelationships } from './analytics.schemas.js';

const cypher = loadCypher('subgraph/valid-nodes', 'subgraph/relationships-among', 'analytics/ring');

export interface GraphToMeasure {
  /** API ids of the nodes, or `around` (the neighbourhood of one node, `depth` rings deep). */
  ids?: string[];
  around?: { id: string; depth: number };
  excluded: string[];
  asOf: neo4j.Date<number> | null;
  dating: Record<string, { start: string; end: string | null }>;
}

export interface FetchedGraph {
  graph: ApiGraph;
  missing: string[];
  truncated: boolean;
}

/** The nodes given by id that hold as of the date, and the ids that name no node (or go by another id). */
async function givenNodes(db: Database, catalog: Catalog, request: GraphToMeasure, ids: string[]) {
  const identity = await catalog.identity();
  // As for POST /api/subgraph: a node found by an id it does not go by is not the node asked for.
  const found = new Map(
    [...(await resolveNodes(db, catalog, ids))].filter(([id, node]) => identity.keyOf(node) === id),
  );
  const valid = await db.read<{ a: Neo4jNode }>(cypher['subgraph/valid-nodes'], {
    elementIds: [...found.values()].map((node) => node.elementId),
    asOf: request.asOf,
    dating: request.dating,
  });
  return { nodes: valid.records.map((record) => record.get('a')), missing: ids.filter((id) => !found.has(id)) };
}

/**
 * A neighbourhood ring by ring, each ring's most connected nodes first, until `depth` rings or
 * `maxAnalyticsNodes` nodes; undefined when no node has the id.
 */
async function neighbourhood(
  db: Database,
  catalog: Catalog,
  request: GraphToMeasure,
  around: { id: string; depth: number },
) {
  const { nodes: start, missing } = await givenNodes(db, catalog, { ...request, asOf: null }, [around.id]);
  if (missing.length || !start[0]) return undefined;
  const nodes = [start[0]];
  const seen = new Set([start[0].elementId]);
  let frontier = [start[0].elementId];
  let truncated = false;
  for (let ring = 1; ring <= around.depth && frontier.length > 0; ring++) {
    const room = maxAnalyticsNodes - nodes.length;
    const { records } = await db.read<{ b: Neo4jNode }>(cypher['analytics/ring'], {
      frontier,
      seen: [...seen],
      excluded: request.excluded,
      asOf: request.asOf,
      dating: request.dating,
      limit: neo4j.int(room + 1),
    });
    const next = records.map((record) => record.get('b'));
    if (next.length > room) truncated = true;
    frontier = [];
    for (const node of next.slice(0, room)) {
      nodes.push(node);
      seen.add(node.elementId);
      frontier.push(node.elementId);
    }
    if (truncated) break;
  }
  return { nodes, truncated };
}

/**
 * The graph to measure: the given nodes (or a neighbourhood) and the relationships among them, leaving out
 * the excluded types, as of the date when one is given. Undefined when `around` names no node.
 */
export async function fetchGraphToMeasure(
  db: Database,
  catalog: Catalog,
  request: GraphToMeasure,
): Promise<FetchedGraph | undefined> {
  let nodes: Neo4jNode[];
  let missing: string[] = [];
  let truncated = false;
  if (request.around) {
    const found = await neighbourhood(db, catalog, request, request.around);
    if (!found) return undefined;
    ({ nodes, truncated } = found);
  } else {
    ({ nodes, missing } = await givenNodes(db, catalog, request, request.ids ?? []));
  }
  const among = await db.read<{ r: Relationship }>(cypher['subgraph/relationships-among'], {
    elementIds: nodes.map((node) => node.elementId),
    asOf: request.asOf,
    dating: request.dating,
    limit: neo4j.int(maxAnalyticsRelationships + 1),
  });
  const excluded = new Set(request.excluded);
  const relationships = among.records.map((record) => record.get('r'));
  const kept = relationships.slice(0, maxAnalyticsRelationships).filter((r) => !excluded.has(r.type));
  const builder = new GraphBuilder(await catalog.identity());
  nodes.forEach((node) => builder.addNode(node));
  kept.forEach((relationship) => builder.addRelationship(relationship));
  return {
    graph: builder.build(),
    missing,
    truncated: truncated || relationships.length > maxAnalyticsRelationships,
  };
}
