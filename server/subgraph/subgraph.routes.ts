import { z } from 'zod';
import { asOfDate } from '../graph/as-of.js';
import { checkDating } from '../graph/dating.js';
import type { Catalog } from '../graph/catalog.js';
import { apiGraphSchema, datingEntry, isoDate, nodeIdParam } from '../graph/graph.schemas.js';
import type { ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { maxSubgraphRelationships, readSubgraph } from './subgraph.queries.js';

const subgraphBody = z
  .strictObject({
    ids: z
      .array(nodeIdParam)
      .min(1)
      .max(
        1000,
        'at most 1,000 ids; ask for the rest in further requests (passing those held as `with`), or export up to ' +
          '10,000 with POST /api/export',
      ),
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
      `a view of any size loads in chunks. At most ${maxSubgraphRelationships} relationships (\`meta.truncated\`).`,
    body: subgraphBody,
    response: apiGraphSchema,
    handler: async ({ body }) => {
      const dating = await checkDating(catalog, body.dating, 'body.dating');
      return readSubgraph(db, catalog, { ids: body.ids, held: body.with, asOf: asOfDate(body.asOf), dating });
    },
  });
}
