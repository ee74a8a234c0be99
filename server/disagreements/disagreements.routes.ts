import { isRelationship } from 'neo4j-driver';
import type { Catalog } from '../graph/catalog.js';
import { disagreementsResponseSchema } from '../graph/graph.schemas.js';
import { GraphBuilder, toJson } from '../graph/mapping.js';
import type { ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { figureFields } from '../seed/dataset.schema.js';
import { readDisagreements } from './disagreements.queries.js';

export function disagreementRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'get',
    path: '/disagreements',
    tag: 'Evidence',
    permission: 'read',
    cache: 'graph',
    summary: 'Facts the sources state differently, every version side by side',
    description:
      'Records (relationships or nodes) that share a `disputes` key state one fact with different figures or ' +
      'dates. Each version keeps its own figures, qualifier, claim, sources and dates: nothing is averaged. ' +
      '`graph` holds the records with their ends; `graph.meta.truncated` says whether groups (over 1,000) or ' +
      'versions of a group (over 100) were left out. A database with no `disputes` property answers at once.',
    response: disagreementsResponseSchema,
    handler: async () => {
      if (!(await catalog.keysInUse()).includes('disputes')) {
        return { disagreements: [], graph: new GraphBuilder(await catalog.identity()).build({ truncated: false }) };
      }
      const { groups, truncated } = await readDisagreements(db);
      const graph = new GraphBuilder(await catalog.identity());
      for (const group of groups) {
        for (const { record: item, a, b } of group.versions) {
          if (isRelationship(item)) graph.addRelationship(item).addNode(a!).addNode(b!);
          else graph.addNode(item);
        }
      }
      const disagreements = groups.map((group) => ({
        id: group.id,
        versions: group.versions.map(({ record: item }) => {
          const properties = toJson(item.properties) as Record<string, unknown>;
          const text = (key: string) => (typeof properties[key] === 'string' ? properties[key] : null);
          return {
            kind: isRelationship(item) ? ('relationship' as const) : ('node' as const),
            id: isRelationship(item) ? graph.edge(item).id : graph.identity.keyOf(item),
            figures: Object.fromEntries(
              figureFields.filter((key) => key in properties).map((key) => [key, properties[key]]),
            ),
            // One hedge, or several ("estimated, more than").
            qualifier: Array.isArray(properties.qualifier) ? properties.qualifier.join(', ') : text('qualifier'),
            claim: text('claim'),
            sources: Array.isArray(properties.sources) ? properties.sources.map(String) : [],
            since: text('since'),
            until: text('until'),
          };
        }),
      }));
      return { disagreements, graph: graph.build({ truncated }) };
    },
  });
}
