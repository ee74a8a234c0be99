import { z } from 'zod';
import { asOfDate } from '../graph/as-of.js';
import { checkDating, datingQuery } from '../graph/dating.js';
import type { Catalog } from '../graph/catalog.js';
import { provenanceTypes } from '../graph/dataset-model.js';
import { isoDate, nodeIdParam, pathsResponseSchema } from '../graph/graph.schemas.js';
import { GraphBuilder } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import { commaList, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { findRankedPaths, pathRankings } from './paths.queries.js';

const pathsQuery = z.strictObject({
  from: nodeIdParam,
  to: nodeIdParam,
  maxHops: queryInteger(1, 8)
    .default(4)
    .openapi({
      description:
        'The most relationships a path may have, 1 to 8 (default 4). Each step more costs time on a busy graph ' +
        '(the explorer offers 4 to 8); towards or from a node with over 5,000 relationships only the shortest ' +
        'paths are searched, from both ends (`nextShortest: false`).',
    }),
  limit: queryInteger(1, 50).default(10),
  rank: z.enum(pathRankings).default('hops'),
  exclude: commaList.optional().openapi({
    description:
      'Relationship types never to step through (default: MENTIONED_IN where it links to Source documents, ' +
      'the provenance of the default dataset; nothing on other graphs)',
  }),
  asOf: isoDate.optional(),
  dating: datingQuery.optional(),
});

export function pathRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/paths',
    tag: 'Graph',
    permission: 'read',
    summary: 'Ranked paths between two nodes, with the reasons for each rank',
    description:
      'The shortest simple paths (no node twice) of at most `maxHops` relationships and the next-shortest ' +
      'after them, one per route, ranked by `rank`: `hops` (fewest first), `evidence` (the best-sourced ' +
      'weakest step, then fewer hops), `recent` (latest start) or `hubs` (avoiding busy nodes). Each path has ' +
      '`meta.rank` (1 = best) and `meta.reasons`. Provenance ' +
      'relationships (MENTIONED_IN, or the types in `exclude`) are never steps.',
    query: pathsQuery,
    response: pathsResponseSchema,
    errors: [404],
    handler: async ({ query }) => {
      const excluded = query.exclude
        ? await catalog.requireRelationshipTypes(query.exclude, 'exclude')
        : await provenanceTypes(catalog);
      const identity = await catalog.identity();
      const answer = await findRankedPaths(
        db,
        catalog,
        {
          from: query.from,
          to: query.to,
          maxHops: query.maxHops,
          limit: query.limit,
          rankBy: query.rank,
          excluded,
          asOf: asOfDate(query.asOf),
          dating: await checkDating(catalog, query.dating, 'query.dating'),
        },
        (node) => identity.keyOf(node),
      );
      if (!answer.from) throw ProblemError.notFound(`No node has the id "${query.from}".`);
      if (!answer.to) throw ProblemError.notFound(`No node has the id "${query.to}".`);
      return {
        paths: answer.paths.map(({ path, reasons }, index) => ({
          ...new GraphBuilder(identity).addPath(path).build(),
          meta: { rank: index + 1, reasons },
        })),
        nextShortest: answer.nextShortest,
      };
    },
  });
}
