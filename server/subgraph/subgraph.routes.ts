import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import { z } from 'zod';
import { asOfDate } from '../graph/as-of.js';
import { checkDating } from '../graph/dating.js';
import type { Catalog } from '../graph/catalog.js';
import { apiGraphSchema, datingEntry, isoDate, nodeIdParam } from '../graph/graph.schemas.js';
import { GraphBuilder } from '../graph/mapping.js';
import type { ApiRoutes } from '../http/route.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { resolveNodes } from '../nodes/nodes.queries.js';

const cypher = loadCypher('subgraph/valid-nodes', 'subgraph/relationships-among', 'subgraph/relationships-to');

const maxRelationships = 20_000;

const subgraphBody = z
  .strictObject({
    ids: z.array(nodeIdParam).min(1).max(1000, 'at most 1,000 ids'),
    with: z
      .array(nodeIdParam)
      .max(10_000, 'at most 10,000 ids')
      .optional()
      .openapi({ description: 'Nodes already held (not returned): relationships to them are returned too' }),
    asOf: isoDate.optional(),
    dating: z.array(datingEntry).max(100).optional(),
  })
  .openapi({ example: { ids: ['microsoft', 'openai', 'azure'], asOf: '2024-01-01' } });

export function subgraphRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'post',
    path: '/subgraph',
    tag: 'Graph',
    permission: 'read',
    summary: 'Given nodes and every relationship among them',
    description:
      'Up to 1,000 ids; ids with no node, or whose node now goes by another id, are listed in ' +
      `\`meta.missing\`. With \`with\` (up to 10,000 ids of ` +
      'nodes the client already holds), relationships between the given nodes and those are returned too, so ' +
      `a view of any size loads in chunks. At most ${maxRelationships} relationships (\`meta.truncated\`).`,
    body: subgraphBody,
    response: apiGraphSchema,
    handler: async ({ body }) => {
      const asOf = asOfDate(body.asOf);
      const dating = await checkDating(catalog, body.dating, 'body.dating');
      const identity = await catalog.identity();
      // A node found by an id it does not go by (an elementId, in a link made before the node was deleted and
      // the id reused by a node with an `id` of its own) is not the node asked for: it counts as missing.
      const found = new Map(
        [...(await resolveNodes(db, catalog, body.ids))].filter(([id, node]) => identity.keyOf(node) === id),
      );
      const valid = await db.read<{ a: Neo4jNode }>(cypher['subgraph/valid-nodes'], {
        elementIds: [...found.values()].map((node) => node.elementId),
        asOf,
        dating,
      });
      const nodes = valid.records.map((record) => record.get('a'));
      const elementIds = nodes.map((node) => node.elementId);
      const held = body.with?.length ? await resolveNodes(db, catalog, body.with) : new Map<string, Neo4jNode>();
      const among = held.size
        ? await db.read<{ r: Relationship }>(cypher['subgraph/relationships-to'], {
            elementIds,
            otherElementIds: [...elementIds, ...[...held.values()].map((node) => node.elementId)],
            asOf,
            dating,
            limit: neo4j.int(maxRelationships + 1),
          })
        : await db.read<{ r: Relationship }>(cypher['subgraph/relationships-among'], {
            elementIds,
            asOf,
            dating,
            limit: neo4j.int(maxRelationships + 1),
          });
      const graph = new GraphBuilder(identity);
      held.forEach((node) => graph.addHeldNode(node));
      nodes.forEach((node) => graph.addNode(node));
      among.records.slice(0, maxRelationships).forEach((record) => graph.addRelationship(record.get('r')));
      return graph.build({
        missing: body.ids.filter((id) => !found.has(id)),
        truncated: among.records.length > maxRelationships,
      });
    },
  });
}
