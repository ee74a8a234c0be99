import neo4j, { type Node as Neo4jNode } from 'neo4j-driver';
import { z } from 'zod';
import type { Catalog } from '../graph/catalog.js';
import { captionKeys, toApiNode } from '../graph/mapping.js';
import { commaList, type ApiRoutes } from '../http/route.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { searchIndexName } from './search.index.js';
import { isStopWord, searchTerms, toLuceneQuery } from './lucene.js';

const cypher = loadCypher('search/fulltext', 'search/scan');

/** Searched first: the default dataset's index, then the one Entente creates (search.index.ts), then any. */
const preferredIndexes = ['entity_search', searchIndexName];

/** Unicode's combining diacritical marks, which the scan strips after NFKD as the JS side does. */
const combiningMarks = Array.from({ length: 0x70 }, (_, offset) => String.fromCharCode(0x300 + offset));

/** Properties the scan reads: what captions are made of, and aliases. */
const scannedKeys = [...captionKeys, 'aliases'];

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
      const index = preferredIndexes.find((name) => fulltextIndexes.includes(name)) ?? fulltextIndexes[0];
      const terms = searchTerms(query.q);
      const required = terms.filter((term) => !isStopWord(term));
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
            required: required.length ? required : terms,
            phrase: terms.join(' '),
            keys: scannedKeys,
            marks: combiningMarks,
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
