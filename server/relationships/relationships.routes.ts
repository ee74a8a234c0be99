import { z } from 'zod';
import type { Catalog } from '../graph/catalog.js';
import { apiEdgeSchema } from '../graph/graph.schemas.js';
import { GraphBuilder } from '../graph/mapping.js';
import { missingEntity } from '../graph/gone.js';
import type { ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import type { Queryable } from '../store/store.js';
import { readRelationship } from './relationships.queries.js';

const idParams = z.object({
  id: z
    .string()
    .min(1)
    .max(500)
    .openapi({ description: "The relationship's `id` property where it is a string, otherwise its elementId" }),
});

export function relationshipRoutes(api: ApiRoutes, db: Database, catalog: Catalog, store: Queryable) {
  api.add({
    method: 'get',
    path: '/relationships/:id',
    tag: 'Graph',
    permission: 'read',
    cache: 'graph',
    summary: 'One relationship',
    description:
      'The relationship, its ends named by their node ids; 410 (saying when) when it was deleted through an edit, 404 when no relationship has the id.',
    params: idParams,
    response: z.object({ edge: apiEdgeSchema }),
    errors: [404, 410],
    handler: async ({ params }) => {
      const found = await readRelationship(db, params.id);
      if (!found) throw await missingEntity(store, 'relationship', params.id);
      const graph = new GraphBuilder(await catalog.identity()).addNode(found.start).addNode(found.end);
      return { edge: graph.edge(found.relationship) };
    },
  });
}
