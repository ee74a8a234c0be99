import neo4j, { type Relationship } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import { GraphBuilder } from '../graph/mapping.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { resolveNodes } from '../nodes/nodes.queries.js';
import { maxViewRelationships, type View } from './investigations.schemas.js';

const cypher = loadCypher('investigations/relationships-among');

/**
 * The graph an investigation's view now stands for: its nodes as they are today and every relationship among
 * them, with what differs from the saved view named (nodes gone, relationships gone or not held), so that an
 * investigation opened after the graph changed never differs silently.
 */
export async function currentGraph(db: Database, catalog: Catalog, view: View) {
  const identity = await catalog.identity();
  // A node found under an id it no longer goes by is not the node saved: it counts as gone.
  const found = [...(await resolveNodes(db, catalog, view.ids))].filter(([id, node]) => identity.keyOf(node) === id);
  const among = await db.read<{ r: Relationship }>(cypher['investigations/relationships-among'], {
    elementIds: found.map(([, node]) => node.elementId),
    limit: neo4j.int(maxViewRelationships + 1),
  });
  const graph = new GraphBuilder(identity);
  found.forEach(([, node]) => graph.addNode(node));
  among.records.slice(0, maxViewRelationships).forEach((record) => graph.addRelationship(record.get('r')));
  const built = graph.build({ truncated: among.records.length > maxViewRelationships });
  const held = new Set(view.edges);
  const now = new Set(built.edges.map((edge) => edge.id));
  const foundIds = new Set(found.map(([id]) => id));
  return {
    graph: built,
    changes: {
      nodesGone: view.ids.filter((id) => !foundIds.has(id)),
      relationshipsGone: view.edges.filter((id) => !now.has(id)),
      relationshipsAdded: built.edges.filter((edge) => !held.has(edge.id)).map((edge) => edge.id),
    },
  };
}

/** The ids among `ids` that name no node in the graph. */
export async function missingNodes(db: Database, catalog: Catalog, ids: string[]): Promise<string[]> {
  const found = await resolveNodes(db, catalog, ids);
  return ids.filter((id) => !found.has(id));
}
