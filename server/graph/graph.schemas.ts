import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/**
 * The API's shapes, defined once: the server validates and documents with these schemas, and the client
 * takes its types from them (`z.infer`). Nothing here imports the driver or Express.
 */
extendZodWithOpenApi(z);

export const apiNodeSchema = z
  .object({
    id: z.string().openapi({ description: "The node's `id` property where it has one, otherwise its elementId" }),
    labels: z.array(z.string()),
    caption: z.string().openapi({ description: 'Best display name: name, title, … else label and id' }),
    properties: z.record(z.string(), z.unknown()),
  })
  .openapi('Node');

export const apiEdgeSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    source: z.string().openapi({ description: 'Node id of the start node' }),
    target: z.string().openapi({ description: 'Node id of the end node' }),
    properties: z.record(z.string(), z.unknown()),
  })
  .openapi('Edge');

export const apiGraphSchema = z
  .object({
    nodes: z.array(apiNodeSchema),
    edges: z.array(apiEdgeSchema),
    meta: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Graph');

export const apiResultSchema = z
  .object({
    columns: z.array(z.string()),
    rows: z.array(z.array(z.unknown())),
    graph: apiGraphSchema,
    meta: z.object({ truncated: z.boolean(), elapsedMs: z.number() }),
  })
  .openapi('Result');

/** Why a path ranks where it does, in the terms an analyst weighs it by (GET /api/paths). */
export const pathReasonsSchema = z
  .object({
    hops: z.number().int(),
    sources: z.number().int().openapi({ description: 'Distinct documents its relationships cite' }),
    latestStart: z.string().nullable().openapi({ description: 'The latest day one of its relationships began' }),
    busiestNode: z
      .object({ id: z.string(), degree: z.number().int() })
      .nullable()
      .openapi({ description: 'The busiest node it passes through (its ends excepted)' }),
    heldOn: z.string().nullable().openapi({ description: 'The day it was checked to hold on, when one was asked' }),
  })
  .openapi('PathReasons');

export type ApiNode = z.infer<typeof apiNodeSchema>;
export type ApiEdge = z.infer<typeof apiEdgeSchema>;
export type ApiGraph = z.infer<typeof apiGraphSchema>;
export type ApiResult = z.infer<typeof apiResultSchema>;
export type PathReasons = z.infer<typeof pathReasonsSchema>;

/** A node id in a path segment: URL-decoded by Express, so elementIds with colons round-trip. */
export const nodeIdParam = z.string().min(1).max(500);
