import { z } from 'zod';
import type { Catalog } from '../graph/catalog.js';
import type { ApiRoutes } from '../http/route.js';

const namedCount = z.object({ name: z.string(), count: z.number().int() });

export function schemaRoutes(api: ApiRoutes, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/schema',
    tag: 'Graph',
    summary: "The database's labels and relationship types with counts, and its property keys",
    response: z.object({
      labels: z.array(namedCount),
      relationshipTypes: z.array(namedCount),
      propertyKeys: z.array(z.string()),
      links: z
        .array(z.object({ from: z.string(), type: z.string(), to: z.string(), sampled: z.number().int() }))
        .openapi({ description: 'Which labels each type connects, from a sample of 100,000 relationships' }),
    }),
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
