import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import { z } from 'zod';
import type { Catalog } from '../graph/catalog.js';
import { toApiNode } from '../graph/mapping.js';
import { commaList, type ApiRoutes } from '../http/route.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { searchTerms, toLuceneQuery } from './lucene.js';

const cypher = loadCypher('search/fulltext', 'search/scan');

/** The index the default dataset creates; on other databases any node full-text index serves. */
const preferredIndex = 'entity_search';

const searchQuery = z.strictObject({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  labels: commaList.optional(),
});

const searchResponse = z.object({
  results: z.array(z.object({ id: z.string(), labels: z.array(z.string()), caption: z.string(), score: z.number() })),
});

export function searchRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/search',
    tag: 'Graph',
    summary: 'Find nodes by name or alias',
    description:
      'Case- and accent-insensitive, tolerant of prefixes and typos. Any text is a search: Lucene syntax in ' +
      '`q` is not interpreted.',
    query: searchQuery,
    response: searchResponse,
    handler: async ({ query }) => {
      const labels = await catalog.requireLabels(query.labels ?? [], 'labels');
      const lucene = toLuceneQuery(query.q);
      if (!lucene) return { results: [] };
      const { fulltextIndexes } = await catalog.current();
      const index = fulltextIndexes.includes(preferredIndex) ? preferredIndex : fulltextIndexes[0];
      const limit = neo4j.int(query.limit);
      const { records } = index
        ? await db.read<{ node: Neo4jNode; score: number }>(cypher['search/fulltext'], {
            index,
            lucene,
            labels,
            limit,
            fetch: neo4j.int(labels.length ? query.limit * 10 : query.limit),
          })
        : await db.read<{ node: Neo4jNode; score: number }>(cypher['search/scan'], {
            terms: searchTerms(query.q),
            labels,
            limit,
          });
      const identity = await catalog.identity();
      return {
        results: records.map((record) => {
          const { id, labels: nodeLabels, caption } = toApiNode(record.get('node'), identity);
          return { id, labels: nodeLabels, caption, score: record.get('score') };
        }),
      };
    },
  });
}
