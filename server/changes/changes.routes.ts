import { isRelationship } from 'neo4j-driver';
import { z } from 'zod';
import { asOfDate } from '../graph/as-of.js';
import { checkDating, datingQuery } from '../graph/dating.js';
import type { Catalog } from '../graph/catalog.js';
import { provenanceTypes } from '../graph/dataset-model.js';
import { changesResponseSchema, isoDate } from '../graph/graph.schemas.js';
import { GraphBuilder } from '../graph/mapping.js';
import { ProblemError } from '../http/problem.js';
import type { ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { readChanges, type DatedRecord } from './changes.queries.js';

const maxChanges = 1_000;

export function changesRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/changes',
    tag: 'Time',
    permission: 'read',
    cache: 'graph',
    summary: 'What began and what ended between two dates',
    description:
      'Relationships and dated nodes whose `since` (began) or `until` (ended) falls after `from` and on or ' +
      'before `to`, earliest first, with their claims and sources; `graph` holds them with their ends. The ' +
      'dates are read as as-of reads them. At most 1,000 (`meta.truncated`).',
    query: z.strictObject({ from: isoDate, to: isoDate, dating: datingQuery.optional() }),
    response: changesResponseSchema,
    handler: async ({ query }) => {
      if (query.from >= query.to) throw ProblemError.badRequest('query.to: must be after query.from');
      const records = await readChanges(db, {
        from: asOfDate(query.from)!,
        to: asOfDate(query.to)!,
        // Relationships that record where something is written, not what happened (the default dataset's).
        excluded: await provenanceTypes(catalog),
        dating: await checkDating(catalog, query.dating, 'query.dating'),
        limit: maxChanges + 1,
      });
      const graph = new GraphBuilder(await catalog.identity());
      const kept = records.slice(0, maxChanges);
      for (const record of kept) {
        const { item, a, b } = record;
        if (isRelationship(item)) graph.addRelationship(item).addNode(a!).addNode(b!);
        else graph.addNode(item);
      }
      const within = (day: DatedRecord['since']) => day !== null && String(day) > query.from && String(day) <= query.to;
      const changes = kept.flatMap((record) => {
        const { item, since, until } = record;
        const sources: unknown = item.properties.sources;
        const described = {
          kind: isRelationship(item) ? ('relationship' as const) : ('node' as const),
          id: isRelationship(item) ? graph.edge(item).id : graph.identity.keyOf(item),
          claim: typeof item.properties.claim === 'string' ? item.properties.claim : null,
          sources: Array.isArray(sources) ? sources.map(String) : [],
        };
        return [
          ...(within(since) ? [{ change: 'began' as const, date: String(since), ...described }] : []),
          ...(within(until) ? [{ change: 'ended' as const, date: String(until), ...described }] : []),
        ];
      });
      changes.sort((a, b) => a.date.localeCompare(b.date));
      return { changes, graph: graph.build(), meta: { truncated: records.length > maxChanges } };
    },
  });
}
