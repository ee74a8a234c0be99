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
import { missingEntity } from '../graph/gone.js';
import { GraphBuilder, toApiNode } from '../graph/mapping.js';
import { commaList, pageOnWithCursor, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import type { Queryable } from '../store/store.js';
import { cursorParam, nextField } from '../http/cursor.js';
import { neighbourCursors, neighbourScope, readNeighboursAfter } from './neighbour-cursor.js';
import { readDegrees, readNeighbours, readTimeline, resolveNodes, type NeighbourPage } from './nodes.queries.js';

const idParams = z.object({ id: nodeIdParam });

const neighboursQuery = z.strictObject({
  types: commaList.optional(),
  labels: commaList.optional(),
  direction: z.enum(['in', 'out', 'both']).default('both'),
  limit: queryInteger(
    1,
    1000,
    `${pageOnWithCursor}, or take them all from GET /api/export?around=<id>&depth=1`,
  ).default(50),
  skip: queryInteger(0, 1_000_000).default(0).openapi({
    description: 'Relationships to pass over from the start (kept for compatibility; ignored with a `cursor`)',
  }),
  order: z
    .enum(['degree', 'id'])
    .default('degree')
    .openapi({
      description:
        '`degree`: most-connected neighbours first (a neighbour whose own degree changes while you page may move ' +
        'past the cursor). `id`: by relationship id, which no write changes: a walk with `cursor` returns every ' +
        'relationship that is there throughout it exactly once, whatever else is added or removed meanwhile.',
    }),
  cursor: cursorParam.optional(),
  asOf: isoDate.optional(),
  dating: datingQuery.optional(),
});

const neighbourPageSchema = apiGraphSchema
  .extend({ next: nextField.optional() })
  .openapi('NeighbourPage', { description: 'A graph page; `next` continues it' });

const timelineQuery = z.strictObject({
  limit: queryInteger(1, 1000, "all of a node's relationships come from GET /api/export?around=<id>&depth=1").default(
    500,
  ),
  dating: datingQuery.optional(),
});

export function nodeRoutes(api: ApiRoutes, db: Database, catalog: Catalog, store: Queryable) {
  /** What a lookup by `id` found, or the 410 that says when Entente deleted it, or the 404. */
  async function found<T>(id: string, answer: T | undefined): Promise<T> {
    if (answer === undefined) throw await missingEntity(store, 'node', id);
    return answer;
  }

  api.add({
    method: 'get',
    path: '/nodes/:id',
    tag: 'Graph',
    permission: 'read',
    cache: 'graph',
    summary: 'One node',
    params: idParams,
    response: nodeResponseSchema,
    errors: [404, 410],
    handler: async ({ params }) => {
      const node = await found(params.id, (await resolveNodes(db, catalog, [params.id])).get(params.id));
      return { node: toApiNode(node, await catalog.identity()) };
    },
  });

  api.add({
    method: 'get',
    path: '/nodes/:id/relationships',
    tag: 'Graph',
    permission: 'read',
    cache: 'graph',
    summary: "A node's expand menu: its relationship count per type and direction",
    description:
      'Counts come from the store per type, so a node with 100,000 neighbours answers as fast as any. A ' +
      'self-loop is counted once, as `out`.',
    params: idParams,
    response: relationshipMenuSchema,
    errors: [404, 410],
    handler: async ({ params }) => ({
      relationships: await found(params.id, await readDegrees(db, catalog, params.id)),
    }),
  });

  api.add({
    method: 'get',
    path: '/nodes/:id/neighbours',
    tag: 'Graph',
    permission: 'read',
    cache: 'graph',
    summary: "One page of a node's neighbours, most-connected first",
    description:
      'The centre node, the neighbours and the relationships to them; `meta.total` counts all that match the ' +
      'filters and `meta.truncated` says whether more pages follow. Page with `cursor`: pass the `next` of ' +
      'a page back as `cursor` (with the same filters and order) for the page after it; `next` is absent on ' +
      'the last page. To read every relationship of a busy node while others write, page with `order=id`.',
    params: idParams,
    query: neighboursQuery,
    response: neighbourPageSchema,
    errors: [404, 410],
    handler: async ({ params, query }) => {
      const [types, labels] = await Promise.all([
        catalog.requireRelationshipTypes(query.types ?? [], 'types'),
        catalog.requireLabels(query.labels ?? [], 'labels'),
      ]);
      const filter = {
        types,
        labels,
        direction: query.direction,
        limit: query.limit,
        skip: query.skip,
        asOf: asOfDate(query.asOf),
        dating: await checkDating(catalog, query.dating, 'query.dating'),
      };
      const scope = neighbourScope(params.id, query.order, filter);
      const position = query.cursor === undefined ? null : neighbourCursors.decode(query.cursor, scope);
      // A cursor names where the page starts: a `skip` left in the query from the first page is not applied again.
      if (position) filter.skip = 0;
      let page: NeighbourPage & { next?: string };
      if (position === null && query.order === 'degree') {
        // The first page most-connected first: read as before (in the stored degree order where it holds).
        const first = await found(params.id, await readNeighbours(db, catalog, params.id, filter));
        const last = first.relationships.length - 1;
        const more = filter.skip + first.relationships.length < first.total;
        const next =
          more && last >= 0
            ? neighbourCursors.encode([first.lastDegree ?? 0, first.relationships[last]!.elementId], scope)
            : undefined;
        page = { ...first, ...(next ? { next } : {}) };
      } else {
        const after = await found(
          params.id,
          await readNeighboursAfter(db, catalog, params.id, query.order, position, filter),
        );
        page = { ...after, ...(after.more && after.last ? { next: neighbourCursors.encode(after.last, scope) } : {}) };
      }
      const { node, total, neighbours, relationships, next } = page;
      const graph = new GraphBuilder(await catalog.identity()).addNode(node);
      neighbours.forEach((neighbour) => graph.addNode(neighbour));
      relationships.forEach((relationship) => graph.addRelationship(relationship));
      return {
        ...graph.build({
          centre: graph.identity.keyOf(node),
          total,
          skip: filter.skip,
          limit: query.limit,
          order: query.order,
          truncated: next !== undefined,
        }),
        ...(next ? { next } : {}),
      };
    },
  });

  api.add({
    method: 'get',
    path: '/nodes/:id/timeline',
    tag: 'Graph',
    permission: 'read',
    cache: 'graph',
    summary: "A node's dated relationships, oldest first",
    description:
      'Every relationship of the node whose start (`since`, or the property `dating` names for its type) is a ' +
      'date, oldest first, with the nodes at their other ends; `meta.total` counts them all and ' +
      '`meta.truncated` says whether more than `limit` were cut off.',
    params: idParams,
    query: timelineQuery,
    response: apiGraphSchema,
    errors: [404, 410],
    handler: async ({ params, query }) => {
      const dating = await checkDating(catalog, query.dating, 'query.dating');
      const timeline = await found(
        params.id,
        await readTimeline(db, catalog, params.id, { limit: query.limit, dating }),
      );
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
