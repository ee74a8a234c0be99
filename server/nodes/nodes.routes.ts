import { z } from 'zod';
import { asOfDate } from '../graph/as-of.js';
import { checkDating, datingQuery } from '../graph/dating.js';
import type { Catalog } from '../graph/catalog.js';
import {
  apiGraphSchema,
  isoDate,
  nodeIdParam,
  nodeResponseSchema,
  relationshipMenuSchema,
} from '../graph/graph.schemas.js';
import { GraphBuilder, toApiNode } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import { commaList, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { readDegrees, readNeighbours, readTimeline, resolveNodes } from './nodes.queries.js';

const idParams = z.object({ id: nodeIdParam });

const neighboursQuery = z.strictObject({
  types: commaList.optional(),
  labels: commaList.optional(),
  direction: z.enum(['in', 'out', 'both']).default('both'),
  limit: queryInteger(1, 1000).default(50),
  skip: queryInteger(0, 1_000_000).default(0),
  asOf: isoDate.optional(),
  dating: datingQuery.optional(),
});

const timelineQuery = z.strictObject({
  limit: queryInteger(1, 1000).default(500),
  dating: datingQuery.optional(),
});

export function nodeRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  /** What a lookup by `id` found, or the 404 that says no node has it. */
  function found<T>(id: string, answer: T | undefined): T {
    if (answer === undefined) throw ProblemError.notFound(`No node has the id "${id}".`);
    return answer;
  }

  api.add({
    method: 'get',
    path: '/nodes/:id',
    tag: 'Graph',
    permission: 'read',
    summary: 'One node',
    params: idParams,
    response: nodeResponseSchema,
    errors: [404],
    handler: async ({ params }) => {
      const node = found(params.id, (await resolveNodes(db, catalog, [params.id])).get(params.id));
      return { node: toApiNode(node, await catalog.identity()) };
    },
  });

  api.add({
    method: 'get',
    path: '/nodes/:id/relationships',
    tag: 'Graph',
    permission: 'read',
    summary: "A node's expand menu: its relationship count per type and direction",
    description: 'Counts come from the store per type, so a node with 100,000 neighbours answers as fast as any.',
    params: idParams,
    response: relationshipMenuSchema,
    errors: [404],
    handler: async ({ params }) => ({ relationships: found(params.id, await readDegrees(db, catalog, params.id)) }),
  });

  api.add({
    method: 'get',
    path: '/nodes/:id/neighbours',
    tag: 'Graph',
    permission: 'read',
    summary: "One page of a node's neighbours, most-connected first",
    description:
      'The centre node, the neighbours and the relationships to them; `meta.total` counts all that match the ' +
      'filters and `meta.truncated` says whether more pages follow.',
    params: idParams,
    query: neighboursQuery,
    response: apiGraphSchema,
    errors: [404],
    handler: async ({ params, query }) => {
      const [types, labels] = await Promise.all([
        catalog.requireRelationshipTypes(query.types ?? [], 'types'),
        catalog.requireLabels(query.labels ?? [], 'labels'),
      ]);
      const page = await readNeighbours(db, catalog, params.id, {
        types,
        labels,
        direction: query.direction,
        limit: query.limit,
        skip: query.skip,
        asOf: asOfDate(query.asOf),
        dating: await checkDating(catalog, query.dating, 'query.dating'),
      });
      const { node, total, neighbours, relationships } = found(params.id, page);
      const graph = new GraphBuilder(await catalog.identity()).addNode(node);
      neighbours.forEach((neighbour) => graph.addNode(neighbour));
      relationships.forEach((relationship) => graph.addRelationship(relationship));
      return graph.build({
        centre: graph.identity.keyOf(node),
        total,
        skip: query.skip,
        limit: query.limit,
        truncated: query.skip + relationships.length < total,
      });
    },
  });

  api.add({
    method: 'get',
    path: '/nodes/:id/timeline',
    tag: 'Graph',
    permission: 'read',
    summary: "A node's dated relationships, oldest first",
    description:
      'Every relationship of the node whose start (`since`, or the property `dating` names for its type) is a ' +
      'date, oldest first, with the nodes at their other ends; `meta.total` counts them all and ' +
      '`meta.truncated` says whether more than `limit` were cut off.',
    params: idParams,
    query: timelineQuery,
    response: apiGraphSchema,
    errors: [404],
    handler: async ({ params, query }) => {
      const dating = await checkDating(catalog, query.dating, 'query.dating');
      const timeline = found(params.id, await readTimeline(db, catalog, params.id, { limit: query.limit, dating }));
      const graph = new GraphBuilder(await catalog.identity()).addNode(timeline.node);
      timeline.neighbours.forEach((neighbour) => graph.addNode(neighbour));
      timeline.relationships.forEach((relationship) => graph.addRelationship(relationship));
      return graph.build({
        centre: graph.identity.keyOf(timeline.node),
        total: timeline.total,
        truncated: timeline.relationships.length < timeline.total,
      });
    },
  });
}
