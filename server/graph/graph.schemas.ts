import { z } from 'zod';
import '../http/route.js';

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

/** A node id in a path segment: URL-decoded by Express, so elementIds with colons round-trip. */
export const nodeIdParam = z.string().min(1).max(500);
