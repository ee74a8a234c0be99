import { z } from 'zod';
import { roleSchema } from '../accounts/accounts.schemas.js';
import { isoDate, nodeIdParam } from '../graph/graph.schemas.js';
import { pageOnWithCursor, queryInteger } from '../http/route.js';
import { cursorParam, nextField } from '../http/cursor.js';

/** The most nodes one investigation (or shared view) holds. */
export const maxViewNodes = 20_000;
export const maxViewRelationships = 100_000;

const exampleView = {
  ids: ['microsoft', 'openai'],
  edges: [],
  positions: { microsoft: { x: 0, y: 0 }, openai: { x: 160, y: 40 } },
  hiddenLabels: [],
  hiddenTypes: ['MENTIONED_IN'],
  layout: 'fcose' as const,
  zoom: 1,
  pan: { x: 0, y: 0 },
};

const elementId = z.string().min(1).max(500);
const name = z.string().min(1).max(500);
const names = z.array(name).max(1000);
const position = z.strictObject({ x: z.number().finite(), y: z.number().finite() });
/** A record of at most `count` entries (zod bounds arrays, not records). */
const bounded = <T extends Record<string, unknown>>(schema: z.ZodType<T>, count: number, what: string) =>
  schema.refine((record) => Object.keys(record).length <= count, {
    message: `at most ${count.toLocaleString('en')} ${what}`,
  });

/**
 * What a shared link holds and an investigation keeps: the canvas's nodes and relationships, where they are,
 * and every choice that shapes the picture. Unknown keys are refused, so a typo is never saved silently.
 */
export const viewSchema = z
  .strictObject({
    ids: z.array(elementId).max(maxViewNodes, `at most ${maxViewNodes.toLocaleString('en')} nodes`),
    edges: z
      .array(elementId)
      .max(maxViewRelationships, `at most ${maxViewRelationships.toLocaleString('en')} relationships`),
    positions: bounded(z.record(elementId, position), maxViewNodes, 'positions'),
    asOf: isoDate.optional(),
    selected: z.strictObject({ kind: z.enum(['node', 'edge']), id: elementId }).optional(),
    hiddenLabels: names,
    hiddenTypes: names,
    layout: z.enum(['fcose', 'dagre', 'concentric']),
    styles: bounded(
      z.record(
        name,
        z.strictObject({
          color: z.string().max(100).optional(),
          shape: z.string().max(100).optional(),
          caption: z.string().max(500).optional(),
          size: z.string().max(500).optional(),
        }),
      ),
      1000,
      'styles',
    ).optional(),
    dating: bounded(
      z.record(name, z.strictObject({ start: name, end: name.optional() }).nullable()),
      1000,
      'dating choices',
    ).optional(),
    pathExclude: names.optional(),
    valueFilters: z
      .array(
        z.strictObject({
          kind: z.enum(['node', 'edge']),
          name,
          key: name,
          min: z.union([z.number().finite(), z.string().max(100)]).optional(),
          max: z.union([z.number().finite(), z.string().max(100)]).optional(),
          values: z.array(z.string().max(500)).max(1000).optional(),
        }),
      )
      .max(100)
      .optional()
      .openapi({
        description:
          'Filters by property value: only the nodes of a label (or relationships of a type) whose value is within min–max, or among values, are shown',
      }),
    rules: z
      .array(
        z.strictObject({
          kind: z.enum(['node', 'edge']),
          name: name.optional(),
          key: name,
          op: z.enum(['is', 'is not', 'contains', 'above', 'below']),
          value: z.string().max(500),
          color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour such as #d62728'),
        }),
      )
      .max(100)
      .optional()
      .openapi({
        description:
          'Styling rules by value, first match wins: nodes (of a label, or any) or relationships whose property compares to the value take the colour',
      }),
    /** A fingerprint of each node's caption, in the order of `ids`: a node that now reads otherwise is not it. */
    fingerprints: z.array(z.string().max(16)).max(maxViewNodes).optional(),
    zoom: z.number().positive().finite().optional(),
    pan: position.optional(),
    pinned: z.array(elementId).max(maxViewNodes).optional(),
    /** Pairs of nodes whose relationships are drawn one by one instead of folded into one counted edge. */
    unfolded: z.array(z.string().min(1).max(1001)).max(maxViewRelationships).optional(),
  })
  .openapi('View', { example: exampleView });
export type View = z.infer<typeof viewSchema>;

export const investigationId = z
  .string()
  .regex(/^[a-z0-9]{8}$/, 'must be 8 lower-case letters or digits')
  .openapi({ example: 'k3x9q2ab' });
export const idParams = z.strictObject({ id: investigationId });
const version = z.number().int().min(1).max(1_000_000_000);
const title = z.string().trim().min(1, 'must not be empty').max(200);
const description = z.string().max(5000);

export const createBody = z
  .strictObject({ title, description: description.default(''), view: viewSchema })
  .openapi({ example: { title: 'Who funds Stargate', description: '', view: exampleView } });

export const updateBody = z
  .strictObject({ title: title.optional(), description: description.optional(), view: viewSchema.optional(), version })
  .openapi({
    description: 'What changes, with the version it was read at (a stale version is refused with 409)',
    example: { title: 'Who funds Stargate, revised', version: 1 },
  });

export const accessSchema = z.enum(['owner', 'editor', 'viewer']);
export const linkAccessSchema = z.enum(['none', 'signed-in', 'public']);

export const summarySchema = z
  .object({
    id: investigationId,
    title: z.string(),
    description: z.string(),
    owner: z.string().nullable().openapi({ description: 'Null once the owner’s account is gone: admins hold it' }),
    version: z.number().int(),
    nodeCount: z.number().int(),
    link: linkAccessSchema,
    access: accessSchema.openapi({ description: 'What the caller may do with it' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('InvestigationSummary');
export type InvestigationSummary = z.infer<typeof summarySchema>;

export const investigationSchema = summarySchema.extend({ view: viewSchema }).openapi('Investigation');
export type Investigation = z.infer<typeof investigationSchema>;

export const listQuery = z.strictObject({
  q: z.string().max(200).optional().openapi({ description: 'Words the title starts with or contains' }),
  mine: z.enum(['true', 'false']).optional().openapi({ description: 'Only the caller’s own' }),
  limit: queryInteger(1, 200, pageOnWithCursor).optional(),
  cursor: cursorParam.optional(),
});
export const listResponse = z
  .object({
    items: z.array(summarySchema),
    next: nextField.optional(),
  })
  .openapi('InvestigationList');

export const versionSchema = z
  .object({
    version: z.number().int(),
    savedAt: z.string(),
    author: z.string(),
    title: z.string(),
    nodeCount: z.number().int(),
  })
  .openapi('InvestigationVersion');
export const versionParams = idParams.extend({ version: queryInteger(1, 1_000_000_000) });
export const compareQuery = z.strictObject({
  with: queryInteger(1, 1_000_000_000).optional().openapi({ description: 'Another version to compare with' }),
});

const idList = z.array(z.string());
export const versionDetailSchema = versionSchema
  .extend({
    view: viewSchema,
    changes: z
      .object({
        from: z.number().int(),
        nodesAdded: idList,
        nodesRemoved: idList,
        relationshipsAdded: idList,
        relationshipsRemoved: idList,
        moved: z.number().int().openapi({ description: 'Nodes drawn in both whose position changed' }),
        titleChanged: z.boolean(),
        notes: z.object({ added: idList, edited: idList, deleted: idList }),
      })
      .optional()
      .openapi({ description: 'With `with`: what changed between the two, from the earlier to the later' }),
  })
  .openapi('InvestigationVersionDetail');

const annotationTarget = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('node'), id: nodeIdParam }),
    z.strictObject({ kind: z.literal('relationship'), id: nodeIdParam }),
    z.strictObject({ kind: z.literal('canvas') }),
  ])
  .openapi('AnnotationTarget');
const noteText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(10_000)
  .openapi({ description: 'Plain text; **bold**, *emphasis* and http(s) links are shown as such, HTML never' });
const step = z.number().int().min(1).max(10_000).nullable();
export const annotationBody = z
  .strictObject({
    target: annotationTarget,
    text: noteText,
    sources: z.array(nodeIdParam).max(50).default([]),
    step: step.default(null).openapi({ description: 'Its place in present mode; null leaves it out' }),
  })
  .openapi({ example: { target: { kind: 'node', id: 'openai' }, text: 'Capped-profit since **2019**', sources: [] } });
export const annotationUpdate = z
  .strictObject({
    text: noteText.optional(),
    sources: z.array(nodeIdParam).max(50).optional(),
    step: step.optional(),
  })
  .openapi({ example: { text: 'Capped-profit since 2019, per the filing', step: 2 } });
export const annotationParams = idParams.extend({ note: z.uuid() });
export const annotationSchema = z
  .object({
    id: z.string(),
    target: annotationTarget,
    text: z.string(),
    sources: z.array(z.string()),
    step: z.number().int().nullable(),
    author: z.string(),
    mine: z.boolean().openapi({ description: 'Whether the caller may edit or delete it' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Annotation');
export type Annotation = z.infer<typeof annotationSchema>;

const shareAccess = z.enum(['viewer', 'editor']);
export const shareSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('user'), user: z.string().min(1).max(200), access: shareAccess }),
  z.strictObject({ kind: z.literal('role'), role: roleSchema, access: shareAccess }),
]);
export type Share = z.infer<typeof shareSchema>;
export const sharesBody = z.strictObject({ link: linkAccessSchema, shares: z.array(shareSchema).max(500) }).openapi({
  example: { link: 'signed-in', shares: [{ kind: 'user', user: 'ada', access: 'viewer' }] },
  description: '`user` is a username; `public` needs an admin to allow public links',
});
export const sharesResponse = z
  .object({ link: linkAccessSchema, shares: z.array(shareSchema), publicLinksAllowed: z.boolean() })
  .openapi('InvestigationShares');

export const fileSchema = z
  .strictObject({
    format: z.literal('entente-investigation', { error: 'is not an Entente investigation file' }),
    formatVersion: z.literal(1),
    title,
    description,
    view: viewSchema,
    annotations: z
      .array(
        z.strictObject({
          target: annotationTarget,
          text: noteText,
          sources: z.array(nodeIdParam).max(50),
          step,
          author: z.string().max(200),
          createdAt: z.string().max(40),
        }),
      )
      .max(5000),
  })
  .openapi({
    example: {
      format: 'entente-investigation',
      formatVersion: 1,
      title: 'Who funds Stargate',
      description: '',
      view: exampleView,
      annotations: [
        {
          target: { kind: 'node', id: 'openai' },
          text: 'Capped-profit since 2019',
          sources: [],
          step: 1,
          author: 'ada',
          createdAt: '2026-12-01T10:00:00.000Z',
        },
      ],
    },
  });
export type InvestigationFile = z.infer<typeof fileSchema>;
export const importResponse = investigationSchema
  .extend({
    missing: z.array(z.string()).openapi({ description: 'Node ids the file names that this graph lacks' }),
  })
  .openapi('InvestigationImported');

export const openedGraphChanges = z
  .object({
    nodesGone: idList,
    relationshipsGone: idList,
    relationshipsAdded: idList.openapi({
      description: 'Relationships among its nodes that were not in the graph when they were last saved',
    }),
  })
  .openapi('InvestigationGraphChanges');

export type InvestigationList = z.infer<typeof listResponse>;
export type InvestigationVersion = z.infer<typeof versionSchema>;
export type InvestigationVersionDetail = z.infer<typeof versionDetailSchema>;
export type InvestigationShares = z.infer<typeof sharesResponse>;
export type SharesBody = z.infer<typeof sharesBody>;
export type AnnotationBody = z.input<typeof annotationBody>;
export type AnnotationUpdate = z.infer<typeof annotationUpdate>;
export type InvestigationImported = z.infer<typeof importResponse>;
export type OpenedGraphChanges = z.infer<typeof openedGraphChanges>;
export type UpdateBody = z.infer<typeof updateBody>;
