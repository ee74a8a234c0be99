import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { apiGraphSchema, datingEntry, isoDate, nodeIdParam } from '../graph/graph.schemas.js';
import { measureNames } from '../../shared/analytics/measures.js';

extendZodWithOpenApi(z);

/** Nodes one analysis takes at most (ids given, or a neighbourhood's rings, nearest and busiest first). */
export const maxAnalyticsNodes = 1000;
/** Relationships among them read at most. */
export const maxAnalyticsRelationships = 20_000;
/** Nodes whose betweenness pairs are listed: the highest by betweenness. */
export const nodesWithPairs = 5;
export const pairsPerNode = 10;

export const analyticsBody = z
  .strictObject({
    ids: z
      .array(nodeIdParam)
      .min(1)
      .max(maxAnalyticsNodes, `at most ${maxAnalyticsNodes.toLocaleString('en')} ids`)
      .optional()
      .openapi({ description: 'The nodes to measure (with the relationships among them); or give `around`' }),
    around: z
      .strictObject({
        id: nodeIdParam,
        depth: z.number().int().min(1).max(3).default(1),
      })
      .optional()
      .openapi({
        description:
          `A neighbourhood: the node and everything within \`depth\` (1–3) relationships of it, at most ` +
          `${maxAnalyticsNodes.toLocaleString('en')} nodes (each ring most connected first; \`meta.truncated\`)`,
      }),
    measures: z
      .array(z.enum(measureNames))
      .min(1)
      .max(measureNames.length)
      .openapi({ description: 'Which measures to compute' }),
    weight: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'A numeric relationship property: degree also sums it (weighted degree)' }),
    exclude: z
      .array(z.string().min(1).max(200))
      .max(100)
      .optional()
      .openapi({
        description:
          'Relationship types left out of the graph measured (default: MENTIONED_IN where it links to Source ' +
          'documents, the provenance of the default dataset, as for paths; nothing on other graphs)',
      }),
    asOf: isoDate.optional(),
    dating: z.array(datingEntry).max(100).optional(),
  })
  .superRefine((body, context) => {
    if ((body.ids === undefined) === (body.around === undefined))
      context.addIssue({
        code: 'custom',
        path: body.ids === undefined ? ['ids'] : ['around'],
        message: 'give either ids or around, not both nor neither',
      });
  })
  .openapi({ example: { around: { id: 'microsoft', depth: 2 }, measures: ['degree', 'betweenness', 'communities'] } });

const degreeSchema = z.object({
  in: z.number().int(),
  out: z.number().int(),
  total: z.number().int(),
  weighted: z.number().optional(),
});

const pairSchema = z.object({
  source: z.string(),
  target: z.string(),
  share: z.number().openapi({ description: 'The share of their shortest paths that run through the node (0–1]' }),
  length: z.number().int().openapi({ description: 'Relationships on a shortest path between them' }),
});

export const analyticsNodeSchema = z
  .object({
    id: z.string(),
    caption: z.string(),
    labels: z.array(z.string()),
    degree: degreeSchema.optional(),
    pagerank: z.number().optional(),
    betweenness: z
      .number()
      .optional()
      .openapi({ description: 'Share of the shortest paths between pairs of other nodes that run through it' }),
    closeness: z.number().optional().openapi({ description: 'Wasserman–Faust closeness, direction ignored' }),
    community: z.number().int().optional().openapi({ description: 'Index in `communities`' }),
    ranks: z
      .record(z.string(), z.number().int())
      .openapi({ description: 'Rank per measure (1 = highest; ties share a rank)' }),
    explanation: z.array(z.string()).openapi({ description: 'Why it ranks where it does, one sentence per measure' }),
    pairs: z
      .array(pairSchema)
      .optional()
      .openapi({
        description: `Pairs whose shortest paths run through it (the ${nodesWithPairs} highest by betweenness)`,
      }),
    pairCount: z.number().int().optional(),
  })
  .openapi('AnalyticsNode');

export const communitySchema = z
  .object({
    id: z.number().int(),
    size: z.number().int(),
    central: z.array(z.object({ id: z.string(), caption: z.string(), links: z.number().int() })),
    types: z.array(z.object({ type: z.string(), count: z.number().int() })),
    explanation: z.string(),
  })
  .openapi('Community');

export const analyticsResponseSchema = z
  .object({
    nodes: z.array(analyticsNodeSchema).openapi({ description: 'Highest first by the first measure asked' }),
    communities: z.array(communitySchema).openapi({ description: 'Largest first (when asked)' }),
    modularity: z.number().optional(),
    betweennessSample: z
      .object({ sources: z.number().int(), of: z.number().int() })
      .nullable()
      .openapi({ description: 'When betweenness was estimated from shortest paths starting at some nodes only' }),
    graph: apiGraphSchema.openapi({ description: 'The graph measured' }),
    meta: z.object({
      nodes: z.number().int(),
      relationships: z.number().int(),
      excluded: z.array(z.string()),
      missing: z.array(z.string()),
      truncated: z.boolean(),
      limit: z.number().int(),
    }),
  })
  .openapi('Analytics');

export type AnalyticsBody = z.infer<typeof analyticsBody>;
export type AnalyticsResponse = z.infer<typeof analyticsResponseSchema>;
export type AnalyticsNodeResult = z.infer<typeof analyticsNodeSchema>;
