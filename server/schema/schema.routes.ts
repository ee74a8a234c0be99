import type { Catalog } from '../graph/catalog.js';
import { schemaResponseSchema } from '../graph/graph.schemas.js';
import type { ApiRoutes } from '../http/route.js';

export function schemaRoutes(api: ApiRoutes, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/schema',
    tag: 'Graph',
    permission: 'read',
    summary: "The database's labels and relationship types with counts, and its property keys",
    response: schemaResponseSchema,
    handler: async () => {
      const [{ labels, relationshipTypes }, propertyKeys, links] = await Promise.all([
        catalog.current(),
        catalog.keysInUse(),
        catalog.links(),
      ]);
      return { labels, relationshipTypes, propertyKeys, links };
    },
  });
}
