import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

/**
 * The editing API's shapes (issue 26), shared with the client like graph.schemas.ts: every change is a
 * claim with at least one source, every update names the version it read.
 */
extendZodWithOpenApi(z);

export const temporalTypes = ['date', 'datetime', 'localdatetime', 'time', 'localtime', 'duration'] as const;

const taggedValueSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('integer'), value: z.string().regex(/^-?\d{1,19}$/, 'must be a whole number') }),
  z.strictObject({
    type: z.literal('float'),
    // No regex flags: OpenAPI patterns cannot carry them (the exponent's e is written both ways instead).
    value: z.string().regex(/^(-?\d+(\.\d+)?([eE][-+]?\d+)?|NaN|-?Infinity)$/, 'must be a number'),
  }),
  ...temporalTypes.map((type) => z.strictObject({ type: z.literal(type), value: z.string().min(1).max(100) })),
  z.strictObject({
    type: z.literal('point'),
    value: z.strictObject({
      srid: z.number().int().optional(),
      x: z.number(),
      y: z.number(),
      z: z.number().optional(),
    }),
  }),
]);

export const scalarValueSchema = z.union([z.string().max(100_000), z.boolean(), z.number(), taggedValueSchema]);
export type ScalarValue = z.infer<typeof scalarValueSchema>;

export const propertyValueSchema = z
  .union([scalarValueSchema, z.array(scalarValueSchema).max(10_000)])
  .openapi('PropertyValue', {
    description:
      'A property value, exact for every Neo4j type: a string, a boolean, a number (a whole one is an integer), ' +
      'a list of one kind, or a tagged value {type, value} for what JSON cannot say exactly: integer (beyond ' +
      '2^53, as digits), float (a whole float, NaN, Infinity), date, datetime, localdatetime, time, localtime, ' +
      'duration (ISO text), point ({srid, x, y, z?}).',
  });
export type PropertyValue = z.infer<typeof propertyValueSchema>;

/** A date written as precisely as the text gives it. */
const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be written YYYY, YYYY-MM or YYYY-MM-DD');

export const sourceInputSchema = z
  .union([
    z.strictObject({
      id: z.string().min(1).max(500).openapi({ description: 'An existing Source document' }),
    }),
    z.strictObject({
      url: z.url({ protocol: /^https?$/ }).max(2_000),
      title: z.string().trim().min(1).max(500),
      outlet: z.string().trim().min(1).max(200),
      date: partialDate,
    }),
    z.strictObject({
      title: z.string().trim().min(1).max(500),
      text: z.string().trim().min(1).max(200_000).openapi({ description: "The document's text, pasted" }),
      outlet: z.string().trim().min(1).max(200).optional(),
      date: partialDate.optional(),
    }),
  ])
  .openapi('SourceInput', {
    description:
      'An existing Source document ({id}), a web page ({url, title, outlet, date}) or a new document with its ' +
      'text pasted ({title, text, outlet?, date?})',
  });
export type SourceInput = z.infer<typeof sourceInputSchema>;

const claim = z
  .string({ error: 'a claim is required: what is stated, in your words' })
  .trim()
  .min(1, 'a claim is required: what is stated, in your words')
  .max(5_000);
const sources = z
  .array(sourceInputSchema, { error: 'at least one source is required' })
  .min(1, 'at least one source is required')
  .max(20);
const version = z
  .number({ error: 'the version you read is required (409 when it is no longer the latest)' })
  .int()
  .min(0);
const propertyMap = z
  .record(z.string().min(1).max(200), propertyValueSchema)
  .refine((map) => Object.keys(map).length <= 200, 'at most 200 properties');
const propertyChanges = z
  .record(z.string().min(1).max(200), z.union([propertyValueSchema, z.null()]))
  .refine((map) => Object.keys(map).length <= 200, 'at most 200 properties')
  .openapi({ description: 'Only the properties to change; null removes one' });
const name = z.string().min(1).max(200);

export const evidenceSchema = z.strictObject({ claim, sources });

/*
 * The examples show each shape and are safe to send as they are to the default dataset (the role-matrix test
 * sends them): the node id is taken (409), the version is not the latest (409), the ends do not exist (404).
 */
const exampleEvidence = {
  claim: 'Microsoft invested a further $10 billion in OpenAI in January 2023.',
  sources: [
    {
      url: 'https://example.org/2023/01/microsoft-openai',
      title: 'Microsoft extends its partnership',
      outlet: 'Example News',
      date: '2023-01',
    },
    { id: '004_7ad8b1a156c96548' },
  ],
};

export const createNodeBodySchema = z
  .strictObject({
    labels: z.array(name).min(1).max(10),
    properties: propertyMap.default({}),
    claim,
    sources,
  })
  .openapi({
    example: {
      labels: ['Company'],
      properties: {
        id: 'openai',
        name: 'OpenAI',
        founded: { type: 'date', value: '2015-12-11' },
        aliases: ['Open AI'],
      },
      ...exampleEvidence,
    },
  });
export type CreateNodeBody = z.infer<typeof createNodeBodySchema>;

export const updateBodySchema = z.strictObject({ version, properties: propertyChanges, claim, sources }).openapi({
  example: { version: 1_000_000, properties: { amountUsd: 10_000_000_000, qualifier: null }, ...exampleEvidence },
});
export type UpdateBody = z.infer<typeof updateBodySchema>;

export const deleteBodySchema = z
  .strictObject({ version, claim, sources })
  .openapi({ example: { version: 1_000_000, ...exampleEvidence } });
export type DeleteBody = z.infer<typeof deleteBodySchema>;

export const createRelationshipBodySchema = z
  .strictObject({
    type: name,
    from: z.string().min(1).max(500).openapi({ description: 'Node id of the start' }),
    to: z.string().min(1).max(500).openapi({ description: 'Node id of the end' }),
    properties: propertyMap.default({}),
    since: partialDate.optional().openapi({ description: 'When it began, as precisely as known' }),
    endsIn: partialDate
      .optional()
      .openapi({ description: 'The last period it held in (stored as `until`, the first day after it)' }),
    claim,
    sources,
  })
  .openapi({
    example: {
      type: 'INVESTED_IN',
      from: 'example-investor',
      to: 'example-startup',
      since: '2023-01',
      properties: { amountUsd: 10_000_000_000 },
      ...exampleEvidence,
    },
  });
export type CreateRelationshipBody = z.infer<typeof createRelationshipBodySchema>;

export const mergeBodySchema = z
  .strictObject({
    keep: z.string().min(1).max(500).openapi({ description: 'Node id of the node that stays' }),
    merge: z.string().min(1).max(500).openapi({ description: 'Node id of the node merged into it' }),
    claim,
    sources,
  })
  .openapi({
    example: {
      keep: 'example-company',
      merge: 'example-company-inc',
      claim: 'Example Company and Example Company, Inc. are one company.',
      sources: exampleEvidence.sources,
    },
  });
export type MergeBody = z.infer<typeof mergeBodySchema>;

export const editSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string().openapi({ description: 'node.create, node.update, relationship.version, revert, merge…' }),
    target: z.object({ kind: z.enum(['node', 'relationship']), id: z.string() }),
    version: z.number().int().openapi({ description: 'The version the target had after the edit' }),
    before: z.unknown().openapi({ description: 'Typed property values (and labels) before' }),
    after: z.unknown().openapi({ description: 'Typed property values (and labels) after' }),
    claim: z.string(),
    sources: z.array(z.string()).openapi({ description: 'Ids of the Source documents cited' }),
    reverts: z.number().int().nullable(),
    revertedBy: z.number().int().nullable(),
    mergeId: z.number().int().nullable(),
  })
  .openapi('Edit');
export type Edit = z.infer<typeof editSchema>;

export const historyResponseSchema = z
  .object({
    version: z.number().int().nullable().openapi({ description: 'The version now (null: it is gone)' }),
    properties: z
      .record(z.string(), propertyValueSchema)
      .nullable()
      .openapi({ description: 'Its properties now, typed as edits take them (what an edit form starts from)' }),
    edits: z.array(editSchema),
  })
  .openapi('History');
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

export const duplicateSchema = z
  .object({
    nodes: z.array(z.object({ id: z.string(), labels: z.array(z.string()), caption: z.string() })),
    reasons: z.array(z.string()),
  })
  .openapi('DuplicateSuggestion');
export const duplicatesResponseSchema = z.object({
  suggestions: z.array(duplicateSchema),
  truncated: z.boolean().openapi({ description: 'Only the first nodes of a large graph were compared' }),
});
export type DuplicatesResponse = z.infer<typeof duplicatesResponseSchema>;
