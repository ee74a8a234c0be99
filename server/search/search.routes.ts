import { z } from 'zod';
import type { Catalog } from '../graph/catalog.js';
import { searchResponseSchema } from '../graph/graph.schemas.js';
import { toApiNode } from '../graph/mapping.js';
import { commaList, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { searchNodes } from './search.queries.js';

const searchQuery = z.strictObject({
  q: z.string().max(200).default(''),
  limit: queryInteger(1, 100).default(10),
  labels: commaList.optional(),
});

export function searchRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/search',
    tag: 'Graph',
    permission: 'read',
    summary: 'Find nodes by name or alias',
    description:
      'Case- and accent-insensitive, tolerant of prefixes and typos. Any text is a search: Lucene syntax in ' +
      '`q` is not interpreted.',
    query: searchQuery,
    response: searchResponseSchema,
    handler: async ({ query }) => {
      const labels = await catalog.requireLabels(query.labels ?? [], 'labels');
      const hits = await searchNodes(db, catalog, { text: query.q, labels, limit: query.limit });
      const identity = await catalog.identity();
      return {
        results: hits.map((hit) => {
          const { id, labels: nodeLabels, caption } = toApiNode(hit.node, identity);
          return { id, labels: nodeLabels, caption, score: hit.score };
        }),
      };
    },
  });
}
