import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { datingEntry, isoDate, nodeIdParam } from '../graph/graph.schemas.js';
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

export type AnalyticsBody = z.infer<typeof analyticsBody>;
