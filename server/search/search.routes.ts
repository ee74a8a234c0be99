import { z } from 'zod';
import type { Catalog } from '../graph/catalog.js';
import { searchResponseSchema } from '../graph/graph.schemas.js';
import { toApiNode } from '../graph/mapping.js';
import { cursorCodec, cursorParam, nextField } from '../http/cursor.js';
import { commaList, pageOnWithCursor, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { rankedAmong, searchNodes } from './search.queries.js';

const searchQuery = z.strictObject({
  q: z.string().max(200).default(''),
  limit: queryInteger(1, 100, pageOnWithCursor).default(10),
  labels: commaList.optional(),
  cursor: cursorParam.optional(),
});

/** How far a walk by cursor reaches down a search's ranking: past it, `next` is absent (search more narrowly). */
const searchWindow = 1000;

/**
 * A position in a search's ranking: how many of the index's first hits it ranks again (the first page's
 * window, kept for the walk), how many results were given, and the last one's id.
 */
const searchCursors = cursorCodec(
  'search',
  z.tuple([z.number().int().positive().max(searchWindow), z.number().int().nonnegative(), z.string()]),
);

export function searchRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/search',
    tag: 'Graph',
    permission: 'read',
    summary: 'Find nodes by name or alias',
    description:
      'Case- and accent-insensitive, tolerant of prefixes and typos. Any text is a search: Lucene syntax in ' +
      '`q` is not interpreted. Paged: pass `next` back as `cursor` (with the same `q` and `labels`); the ' +
      'page after starts after the last result given, wherever writes since have moved it. A walk reaches ' +
      `the first ${searchWindow} results; past them \`next\` is absent.`,
    query: searchQuery,
    response: searchResponseSchema.extend({ next: nextField.optional() }),
    handler: async ({ query }) => {
      const labels = await catalog.requireLabels(query.labels ?? [], 'labels');
      const scope = JSON.stringify([query.q, labels]);
      const position = query.cursor === undefined ? null : searchCursors.decode(query.cursor, scope);
      const window = position?.[0] ?? Math.max(query.limit, rankedAmong);
      const shown = position?.[1] ?? 0;
      // Read past the page by one more page: a last result that moved down since is still found.
      const upTo = Math.min(shown + 2 * query.limit + 1, searchWindow + 1);
      const hits = await searchNodes(db, catalog, { text: query.q, labels, limit: upTo, rankWindow: window });
      const identity = await catalog.identity();
      const results = hits.map((hit) => {
        const { id, labels: nodeLabels, caption } = toApiNode(hit.node, identity);
        return { id, labels: nodeLabels, caption, score: hit.score };
      });
      const last = position && results.findIndex((result) => result.id === position[2]);
      const start = last !== null && last >= 0 ? last + 1 : shown;
      const page = results.slice(start, start + query.limit);
      const given = start + page.length;
      const more = results.length > given && given < searchWindow && page.length > 0;
      return {
        results: page,
        ...(more ? { next: searchCursors.encode([window, given, page.at(-1)!.id], scope) } : {}),
      };
    },
  });
}
