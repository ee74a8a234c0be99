import { asOfDate } from '../graph/as-of.js';
import type { Catalog } from '../graph/catalog.js';
import { provenanceTypes } from '../graph/dataset-model.js';
import { checkDating } from '../graph/dating.js';
import { analyticsResponseSchema, type AnalyticsNodeResult, type ApiGraph } from '../graph/graph.schemas.js';
import { ProblemError } from '../http/problem.js';
import type { ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { fetchGraphToMeasure } from './analytics.queries.js';
import {
  analyticsBody,
  maxAnalyticsNodes,
  maxAnalyticsRelationships,
  nodesWithPairs,
  pairsPerNode,
} from './analytics.schemas.js';
import {
  analyse,
  exactBetweennessLimit,
  explainer,
  type AnalyticsInput,
  type RankedMeasure,
} from '../../shared/analytics/measures.js';

/** The measures' input from an API graph: captions, types, and the weight property where it is a number. */
export function analyticsInput(graph: ApiGraph, weight?: string): AnalyticsInput {
  return {
    nodes: graph.nodes.map((node) => ({ id: node.id, caption: node.caption })),
    edges: graph.edges.map((edge) => {
      const value = weight === undefined ? undefined : edge.properties[weight];
      return {
        id: edge.id,
        type: edge.type,
        source: edge.source,
        target: edge.target,
        ...(typeof value === 'number' ? { weight: value } : {}),
      };
    }),
  };
}

export function analyticsRoutes(api: ApiRoutes, db: Database, catalog: Catalog) {
  api.add({
    method: 'post',
    path: '/analytics',
    tag: 'Graph',
    permission: 'read',
    summary: 'Centrality and communities of given nodes or a neighbourhood, with the reasons',
    description:
      'Measures the graph of the given `ids` (the relationships among them), or the neighbourhood `around` a ' +
      `node, at most ${maxAnalyticsNodes.toLocaleString('en')} nodes and ` +
      `${maxAnalyticsRelationships.toLocaleString('en')} relationships (\`meta.truncated\`): degree (in, out, ` +
      'total, and summed over `weight`), PageRank (along the relationships’ direction), betweenness and ' +
      'closeness (direction ignored), Louvain communities. Betweenness is exact up to ' +
      `${exactBetweennessLimit.toLocaleString('en')} nodes, above that estimated from a sample (\`betweennessSample\`). ` +
      'Every node has its ranks and a sentence per measure; the ' +
      `${nodesWithPairs} highest by betweenness list up to ${pairsPerNode} pairs whose shortest paths run ` +
      'through them. Follows `asOf` and `dating` as the other routes do; relationship types in `exclude` ' +
      '(source-document mentions by default) are left out. The same code computes the measures in the explorer.',
    body: analyticsBody,
    response: analyticsResponseSchema,
    errors: [404],
    handler: async ({ body }) => {
      const excluded = body.exclude
        ? await catalog.requireRelationshipTypes(body.exclude, 'body.exclude')
        : await provenanceTypes(catalog);
      const weight = body.weight ? (await catalog.requirePropertyKeys([body.weight], 'body.weight'))[0] : undefined;
      const fetched = await fetchGraphToMeasure(db, catalog, {
        ...(body.ids ? { ids: body.ids } : {}),
        ...(body.around ? { around: body.around } : {}),
        excluded,
        asOf: asOfDate(body.asOf),
        dating: await checkDating(catalog, body.dating, 'body.dating'),
      });
      if (!fetched) throw ProblemError.notFound(`No node has the id "${body.around?.id}".`);
      const input = analyticsInput(fetched.graph, weight);
      const analysis = analyse(input, { measures: body.measures, ...(weight ? { weightProperty: weight } : {}) });
      const explain = explainer(input, analysis);
      const first = body.measures[0]!;
      const order: RankedMeasure = first === 'communities' ? 'degree' : first;
      const byRank = (id: string) => analysis.ranks[order]?.[id] ?? 0;
      const withPairs = new Set(
        analysis.measures.includes('betweenness')
          ? Object.entries(analysis.ranks.betweenness ?? {})
              .sort((a, b) => a[1] - b[1])
              .slice(0, nodesWithPairs)
              .map(([id]) => id)
          : [],
      );
      const nodes: AnalyticsNodeResult[] = fetched.graph.nodes.map((node) => {
        const values = analysis.values[node.id]!;
        const explanation = explain(node.id, withPairs.has(node.id) ? pairsPerNode : 0)!;
        const ranks: Record<string, number> = {};
        for (const [measure, byId] of Object.entries(analysis.ranks)) ranks[measure] = byId[node.id]!;
        return {
          id: node.id,
          caption: node.caption,
          labels: node.labels,
          ...values,
          ranks,
          explanation: explanation.sentences.map((sentence) => sentence.text),
          ...(explanation.pairs ? { pairs: explanation.pairs, pairCount: explanation.pairCount } : {}),
        };
      });
      nodes.sort((a, b) => byRank(a.id) - byRank(b.id) || a.caption.localeCompare(b.caption));
      return {
        nodes,
        communities: analysis.communities,
        ...(analysis.modularity !== undefined ? { modularity: analysis.modularity } : {}),
        betweennessSample: analysis.betweennessSample,
        graph: fetched.graph,
        meta: {
          nodes: analysis.nodeCount,
          relationships: analysis.edgeCount,
          excluded,
          missing: fetched.missing,
          truncated: fetched.truncated,
          limit: maxAnalyticsNodes,
        },
      };
    },
  });
}
