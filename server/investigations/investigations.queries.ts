import neo4j, { type Relationship } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import { GraphBuilder } from '../graph/mapping.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { resolveNodes } from '../nodes/nodes.queries.js';
import { maxViewRelationships, type View } from './investigations.schemas.js';

const cypher = loadCypher('investigations/relationships-among');

/** The nodes of `ids` as they are now, and every relationship among them whatever its dates. */
async function graphAmong(db: Database, catalog: Catalog, ids: string[]) {
  const identity = await catalog.identity();
  // A node found under an id it no longer goes by is not the node saved: it counts as gone.
  const found = [...(await resolveNodes(db, catalog, ids))].filter(([id, node]) => identity.keyOf(node) === id);
  const among = await db.read<{ r: Relationship }>(cypher['investigations/relationships-among'], {
    elementIds: found.map(([, node]) => node.elementId),
    limit: neo4j.int(maxViewRelationships + 1),
  });
  const graph = new GraphBuilder(identity);
  found.forEach(([, node]) => graph.addNode(node));
  among.records.slice(0, maxViewRelationships).forEach((record) => graph.addRelationship(record.get('r')));
  return graph.build({ truncated: among.records.length > maxViewRelationships });
}

/** The ids of every relationship among the given nodes now: kept with a save, to tell later what was added. */
export async function relationshipIdsAmong(db: Database, catalog: Catalog, ids: string[]): Promise<string[]> {
  return (await graphAmong(db, catalog, ids)).edges.map((edge) => edge.id);
}

/**
 * The graph an investigation's view now stands for: its nodes as they are today and every relationship among
 * them, with what differs from when it was saved named (nodes gone, drawn relationships gone, relationships
 * among its nodes added since), so that an investigation opened after the graph changed never differs
 * silently.
 */
export async function currentGraph(db: Database, catalog: Catalog, view: View, known: string[]) {
  const graph = await graphAmong(db, catalog, view.ids);
  const now = new Set(graph.edges.map((edge) => edge.id));
  const before = new Set(known);
  const found = new Set(graph.nodes.map((node) => node.id));
  return {
    graph,
    changes: {
      nodesGone: view.ids.filter((id) => !found.has(id)),
      relationshipsGone: view.edges.filter((id) => !now.has(id)),
      relationshipsAdded: graph.edges.filter((edge) => !before.has(edge.id)).map((edge) => edge.id),
    },
  };
}

/** The ids among `ids` that name no node in the graph. */
export async function missingNodes(db: Database, catalog: Catalog, ids: string[]): Promise<string[]> {
  const found = await resolveNodes(db, catalog, ids);
  return ids.filter((id) => !found.has(id));
}
