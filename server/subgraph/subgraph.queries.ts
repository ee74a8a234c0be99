import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import type { asOfDate } from '../graph/as-of.js';
import type { Catalog } from '../graph/catalog.js';
import type { checkDating } from '../graph/dating.js';
import type { ApiGraph } from '../graph/graph.schemas.js';
import { GraphBuilder } from '../graph/mapping.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { resolveNodes } from '../nodes/nodes.queries.js';

const cypher = loadCypher('subgraph/valid-nodes', 'subgraph/relationships-among', 'subgraph/relationships-to');

/** Relationships in one answer; past it, `meta.truncated`. */
export const maxSubgraphRelationships = 20_000;

export interface SubgraphRequest {
  ids: string[];
  /** Nodes the client already holds: relationships to them are returned too, the nodes themselves are not. */
  held?: string[];
  /** The day to read the graph as of (as-of.ts); null: no date filter. */
  asOf: ReturnType<typeof asOfDate>;
  /** The checked `$dating` parameter (dating.ts). */
  dating: Awaited<ReturnType<typeof checkDating>>;
}

/** The given nodes valid as of the date, every relationship among them (and to the held ones), as the API's graph. */
export async function readSubgraph(db: Database, catalog: Catalog, request: SubgraphRequest): Promise<ApiGraph> {
  const { asOf, dating } = request;
  const identity = await catalog.identity();
  // A node found by an id it does not go by (an elementId, in a link made before the node was deleted and
  // the id reused by a node with an `id` of its own) is not the node asked for: it counts as missing.
  const found = new Map(
    [...(await resolveNodes(db, catalog, request.ids))].filter(([id, node]) => identity.keyOf(node) === id),
  );
  const valid = await db.read<{ a: Neo4jNode }>(cypher['subgraph/valid-nodes'], {
    elementIds: [...found.values()].map((node) => node.elementId),
    asOf,
    dating,
  });
  const nodes = valid.records.map((record) => record.get('a'));
  const elementIds = nodes.map((node) => node.elementId);
  const held = request.held?.length ? await resolveNodes(db, catalog, request.held) : new Map<string, Neo4jNode>();
  const limit = neo4j.int(maxSubgraphRelationships + 1);
  const among = held.size
    ? await db.read<{ r: Relationship }>(cypher['subgraph/relationships-to'], {
        elementIds,
        otherElementIds: [...elementIds, ...[...held.values()].map((node) => node.elementId)],
        asOf,
        dating,
        limit,
      })
    : await db.read<{ r: Relationship }>(cypher['subgraph/relationships-among'], { elementIds, asOf, dating, limit });
  const graph = new GraphBuilder(identity);
  held.forEach((node) => graph.addHeldNode(node));
  nodes.forEach((node) => graph.addNode(node));
  among.records.slice(0, maxSubgraphRelationships).forEach((record) => graph.addRelationship(record.get('r')));
  return graph.build({
    missing: request.ids.filter((id) => !found.has(id)),
    truncated: among.records.length > maxSubgraphRelationships,
  });
}
