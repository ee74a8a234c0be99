import neo4j, { type Path } from 'neo4j-driver';
import { z } from 'zod';
import { asOfDate } from '../graph/as-of.js';
import type { Catalog } from '../graph/catalog.js';
import { apiGraphSchema, nodeIdParam } from '../graph/graph.schemas.js';
import { GraphBuilder } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import { isoDate, type ApiRoutes } from '../http/route.js';
import { loadCypher } from '../neo4j/cypher.js';
import type { Database } from '../neo4j/database.js';
import { resolveNodes } from '../nodes/nodes.queries.js';

const cypher = loadCypher('paths/shortest');

const pathsQuery = z.strictObject({
  from: nodeIdParam,
  to: nodeIdParam,
  maxHops: z.coerce.number().int().min(1).max(8).default(4),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  asOf: isoDate.optional(),
});

export function pathRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/paths',
    tag: 'Graph',
    summary: 'All shortest paths between two nodes',
    description: 'Shortest paths of at most `maxHops` relationships (default 4, at most 8), at most `limit` of them.',
    query: pathsQuery,
    response: z.object({ paths: z.array(apiGraphSchema) }),
    errors: [404],
    handler: async ({ query }) => {
      const nodes = await resolveNodes(db, catalog, [query.from, query.to]);
      const [from, to] = [nodes.get(query.from), nodes.get(query.to)];
      if (!from) throw ProblemError.notFound(`No node has the id "${query.from}".`);
      if (!to) throw ProblemError.notFound(`No node has the id "${query.to}".`);
      const { records } = await db.read<{ p: Path }>(cypher['paths/shortest'], {
        fromElementId: from.elementId,
        toElementId: to.elementId,
        maxHops: neo4j.int(query.maxHops),
        limit: neo4j.int(query.limit),
        asOf: asOfDate(query.asOf),
      });
      const identity = await catalog.identity();
      return { paths: records.map((record) => new GraphBuilder(identity).addPath(record.get('p')).build()) };
    },
  });
}
