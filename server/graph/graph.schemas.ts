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
    weakestStep: z
      .number()
      .int()
      .openapi({ description: 'Distinct documents its least-evidenced relationship cites (ranks by evidence)' }),
    latestStart: z.string().nullable().openapi({ description: 'The latest day one of its relationships began' }),
    busiestNode: z
      .object({ id: z.string(), degree: z.number().int() })
      .nullable()
      .openapi({ description: 'The busiest node it passes through (its ends excepted)' }),
    heldOn: z.string().nullable().openapi({ description: 'The day it was checked to hold on, when one was asked' }),
  })
  .openapi('PathReasons');

export const rankedPathSchema = apiGraphSchema
  .extend({ meta: z.object({ rank: z.number().int(), reasons: pathReasonsSchema }) })
  .openapi('RankedPath');

export const pathsResponseSchema = z
  .object({
    paths: z.array(rankedPathSchema),
    nextShortest: z.boolean().openapi({
      description:
        'Whether next-shortest paths were searched for: false when that search ran out of time (around very busy ' +
        'nodes) and only the shortest paths are listed',
    }),
  })
  .openapi('RankedPaths');

export const nodeResponseSchema = z.object({ node: apiNodeSchema }).openapi('NodeAnswer');

/** A node's expand menu: how many relationships of each type and direction it has. */
export const typeCountSchema = z
  .object({ type: z.string(), direction: z.enum(['out', 'in']), count: z.number().int() })
  .openapi('TypeCount');

export const relationshipMenuSchema = z.object({ relationships: z.array(typeCountSchema) }).openapi('RelationshipMenu');

export const searchResultSchema = z
  .object({ id: z.string(), labels: z.array(z.string()), caption: z.string(), score: z.number() })
  .openapi('SearchResult');

export const searchResponseSchema = z.object({ results: z.array(searchResultSchema) }).openapi('SearchResults');

const namedCountSchema = z.object({ name: z.string(), count: z.number().int() }).openapi('NamedCount');

export const schemaResponseSchema = z
  .object({
    labels: z.array(namedCountSchema),
    relationshipTypes: z.array(namedCountSchema),
    propertyKeys: z.array(z.string()),
    links: z
      .array(
        z.object({
          from: z.string(),
          type: z.string(),
          to: z.string(),
          count: z.number().int(),
          sampled: z.number().int(),
        }),
      )
      .openapi({
        description:
          'Which labels each type connects, most relationships first: `count` from the count store (estimated ' +
          'from a sample of 1,000 of the type where it joins several labels), `sampled` of those read',
      }),
  })
  .openapi('Schema');

export const disagreementVersionSchema = z
  .object({
    kind: z.enum(['relationship', 'node']),
    id: z.string().openapi({ description: 'The edge or node id in `graph`' }),
    figures: z.record(z.string(), z.unknown()),
    qualifier: z.string().nullable(),
    claim: z.string().nullable(),
    sources: z.array(z.string()),
    since: z.string().nullable(),
    until: z.string().nullable(),
  })
  .openapi('DisagreementVersion');

export const disagreementSchema = z
  .object({ id: z.string(), versions: z.array(disagreementVersionSchema) })
  .openapi('Disagreement');

export const disagreementsResponseSchema = z
  .object({ disagreements: z.array(disagreementSchema), graph: apiGraphSchema })
  .openapi('Disagreements');

export const changeSchema = z
  .object({
    change: z.enum(['began', 'ended']),
    date: z.string(),
    kind: z.enum(['relationship', 'node']),
    id: z.string().openapi({ description: 'The edge or node id in `graph`' }),
    claim: z.string().nullable(),
    sources: z.array(z.string()),
  })
  .openapi('Change');

export const changesResponseSchema = z
  .object({ changes: z.array(changeSchema), graph: apiGraphSchema, meta: z.object({ truncated: z.boolean() }) })
  .openapi('Changes');

/**
 * Which properties date the relationships of a type or the nodes of a label, when they are not
 * `since`/`until`: `[{"name": "Movie", "start": "released"}, {"name": "ACTED_IN", "start": "from", "end": "to"}]`.
 * Without `end` a thing has no end (a release, an event). The Cypher side is cypher/fragments/*-start.cypher.
 */
export const datingEntry = z
  .strictObject({
    name: z.string().min(1).openapi({ description: 'A label or relationship type' }),
    start: z.string().min(1).openapi({ description: 'Property that says when it began' }),
    end: z.string().min(1).optional().openapi({ description: 'Property that says when it ended (exclusive)' }),
  })
  .openapi('DatingEntry');

/** A real calendar date in a query string, `YYYY-MM-DD`. */
export const isoDate = z.iso
  .date({ error: 'must be a real calendar date written YYYY-MM-DD' })
  // The document states the shape as a pattern too; `format: date` adds the calendar (no 2023-02-29).
  .openapi({ format: 'date', pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

/**
 * `nodeId`: an API node id, resolved before the run; the query receives the node's elementId (match it
 * with `elementId(n) = $param`), so it works whatever the database's ids look like. `label`,
 * `relationshipType` and `propertyKey`: a name of this database, checked against its own lists.
 */
export const parameterTypes = [
  'string',
  'number',
  'boolean',
  'date',
  'nodeId',
  'label',
  'relationshipType',
  'propertyKey',
] as const;

type ParameterType = (typeof parameterTypes)[number];

/** The values a parameter of each type takes, before any list of allowed values. */
export const parameterValueSchemas: Record<ParameterType, z.ZodType<unknown>> = {
  string: z.string(),
  number: z.number(),
  boolean: z.boolean(),
  date: isoDate,
  nodeId: z.string().min(1),
  label: z.string().min(1),
  relationshipType: z.string().min(1),
  propertyKey: z.string().min(1),
};

/**
 * A parameter as declared, unchecked: how queries saved before defaults were checked are read back (a run
 * then refuses their bad default with a 400 naming it, instead of the whole list failing).
 */
export const storedQueryParameterSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a Cypher parameter name'),
  type: z.enum(parameterTypes),
  description: z.string().optional(),
  default: z.union([z.string(), z.number(), z.boolean()]).optional(),
  values: z
    .array(z.union([z.string(), z.number()]))
    .min(1)
    .optional(),
});

/** A parameter's default and allowed values are values of its type: a run never meets one it cannot use. */
export const queryParameterSchema = storedQueryParameterSchema
  .superRefine((parameter, context) => {
    const type = parameterValueSchemas[parameter.type];
    parameter.values?.forEach((value, index) => {
      if (!type.safeParse(value).success) {
        context.addIssue({ code: 'custom', path: ['values', index], message: `is not a ${parameter.type}` });
      }
    });
    if (parameter.default === undefined) return;
    if (!type.safeParse(parameter.default).success) {
      context.addIssue({ code: 'custom', path: ['default'], message: `is not a ${parameter.type}` });
    } else if (parameter.values && !parameter.values.includes(parameter.default as string | number)) {
      context.addIssue({ code: 'custom', path: ['default'], message: 'is not one of the allowed values' });
    }
  })
  .openapi('QueryParameter');

export const savedQuerySummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    parameters: z.array(queryParameterSchema),
    origin: z.enum(['shipped', 'user']),
    version: z
      .number()
      .int()
      .optional()
      .openapi({ description: "Users' queries only: bumped on every change, for optimistic concurrency" }),
    owner: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "Users' queries only: who saved it (null: saved before accounts existed)" }),
  })
  .openapi('SavedQuerySummary');

export const savedQuerySchema = savedQuerySummarySchema.extend({ query: z.string() }).openapi('SavedQuery');

export const savedQueriesResponseSchema = z
  .object({ queries: z.array(savedQuerySummarySchema) })
  .openapi('SavedQueries');

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ location: z.string(), message: z.string() })).optional(),
    position: z
      .object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() })
      .optional()
      .openapi({ description: 'Where a Cypher syntax error is, in the statement as sent' }),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details (application/problem+json)' });

export type ApiNode = z.infer<typeof apiNodeSchema>;
export type ApiEdge = z.infer<typeof apiEdgeSchema>;
export type ApiGraph = z.infer<typeof apiGraphSchema>;
export type ApiResult = z.infer<typeof apiResultSchema>;
export type PathReasons = z.infer<typeof pathReasonsSchema>;
export type RankedPath = z.infer<typeof rankedPathSchema>;
export type PathsResponse = z.infer<typeof pathsResponseSchema>;
export type NodeResponse = z.infer<typeof nodeResponseSchema>;
export type RelationshipMenu = z.infer<typeof relationshipMenuSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SchemaResponse = z.infer<typeof schemaResponseSchema>;
export type DisagreementVersion = z.infer<typeof disagreementVersionSchema>;
export type Disagreement = z.infer<typeof disagreementSchema>;
export type DisagreementsResponse = z.infer<typeof disagreementsResponseSchema>;
export type Change = z.infer<typeof changeSchema>;
export type ChangesResponse = z.infer<typeof changesResponseSchema>;
export type QueryParameter = z.infer<typeof queryParameterSchema>;
export type SavedQuerySummary = z.infer<typeof savedQuerySummarySchema>;
export type SavedQueriesResponse = z.infer<typeof savedQueriesResponseSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type DatingEntry = z.infer<typeof datingEntry>;

/** A node id in a path segment: URL-decoded by Express, so elementIds with colons round-trip. */
export const nodeIdParam = z.string().min(1).max(500);

/** POST /api/analytics: the measures of each node, why it ranks where it does, the communities. */
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
    pairs: z.array(pairSchema).optional().openapi({
      description: 'Pairs whose shortest paths run through it (for the nodes highest by betweenness)',
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

export type AnalyticsResponse = z.infer<typeof analyticsResponseSchema>;
export type AnalyticsNodeResult = z.infer<typeof analyticsNodeSchema>;
