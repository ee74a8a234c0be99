import { z } from 'zod';
import { mappingSchema } from './mapping.js';

export type { Mapping, PropertyType } from './mapping.js';

/**
 * An import job as the API answers it: the server documents with this schema, the explorer takes its type
 * (type-only). Nothing here imports the driver or Express.
 */
const countsSchema = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });

export const importJobSchema = z
  .object({
    id: z.string(),
    owner: z.string(),
    fileName: z.string(),
    fileBytes: z.number(),
    format: z.string(),
    encoding: z.string().nullable().openapi({ description: 'As detected: utf-8, utf-8 with BOM, utf-16le or latin-1' }),
    dryRun: z.boolean(),
    rejectedRows: z.enum(['skip', 'fail']),
    status: z.string().openapi({
      description: 'running, done, failed, cancelled, rolling-back, rolled-back, or interrupted (its process stopped)',
    }),
    cancelRequested: z.boolean(),
    progress: z.object({
      rowsDone: z.number(),
      bytesDone: z.number(),
      fraction: z.number(),
      rowsPerSecond: z.number(),
      secondsLeft: z.number().nullable(),
    }),
    counts: z
      .object({ rows: z.number(), rejected: z.number(), nodes: countsSchema, relationships: countsSchema })
      .partial()
      .openapi({ description: 'Done (or, for a dry run, to do): nodes and relationships created, updated, unchanged' }),
    errorCount: z.number(),
    written: z.object({ labels: z.array(z.string()), types: z.array(z.string()) }),
    failure: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    durationMs: z.number().nullable(),
    mapping: z.unknown().optional(),
    errors: z
      .array(z.object({ line: z.number(), reason: z.string() }))
      .optional()
      .openapi({ description: 'Every rejected row with its line (the first 10,000)' }),
    ambiguous: z
      .array(z.object({ line: z.number(), value: z.string(), matches: z.number(), candidates: z.array(z.string()) }))
      .optional()
      .openapi({ description: 'Rows whose id or ends match several existing nodes' }),
  })
  .openapi('ImportJob');

export type ImportJob = z.infer<typeof importJobSchema>;

/** A mapping saved under a name for reuse (GET /api/import-mappings/{name}). */
export const savedMappingSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    mapping: mappingSchema,
    version: z.number().openapi({ description: 'Counts changes: a change or delete names the version it saw' }),
    owner: z.string().openapi({ description: 'Who saved it first' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SavedImportMapping');

export type SavedMapping = z.infer<typeof savedMappingSchema>;
