import { z } from 'zod';
import { callerOf, type Caller } from '../accounts/caller.js';
import {
  type CreateNodeBody,
  type CreateRelationshipBody,
  type DeleteBody,
  type Edit,
  type UpdateBody,
  createNodeBodySchema,
  createRelationshipBodySchema,
  deleteBodySchema,
  duplicatesResponseSchema,
  editSchema,
  historyResponseSchema,
  mergeBodySchema,
  updateBodySchema,
} from '../graph/editing.schemas.js';
import { apiEdgeSchema, apiNodeSchema, nodeIdParam } from '../graph/graph.schemas.js';
import type { ApiRoutes } from '../http/route.js';
import { findDuplicates } from './duplicates.js';
import { formProperties } from './form-properties.js';
import type { Editing, NodeAnswer, RelationshipAnswer } from './editing.js';
import type { TargetKind } from './edits.store.js';
import { Merges } from './merges.js';
import type { InvestigationStore } from '../investigations/investigations.store.js';

const tag = 'Editing';

const formPropertiesQuery = z
  .strictObject({ label: z.string().min(1).max(500).optional(), type: z.string().min(1).max(500).optional() })
  .refine((query) => (query.label === undefined) !== (query.type === undefined), {
    message: 'give either label or type',
    path: ['label'],
  });
const formPropertiesResponse = z.object({
  properties: z.array(
    z.object({ key: z.string(), kinds: z.array(z.string()), count: z.number().int() }).openapi('FormProperty'),
  ),
});
const idParams = z.object({ id: nodeIdParam });
const numericId = z.object({
  id: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number),
});

const evidenceNote =
  ' Every change carries a `claim` (what is stated, in your words) and at least one source in `sources`; ' +
  'a missing one is a 400 naming the field. The change is recorded in the history and the audit log in the ' +
  'same unit of work as the graph write.';
const versionNote =
  ' `version` is the version you read (`_entente_version` in its properties, 0 when never edited, or ' +
  '`version` in its history): a write from an older version is a 409 `stale-version`.';

// A union rather than `.nullable()`: zod-to-openapi drops the null of a nullable named schema ($ref).
const nullableEdit = z.union([editSchema, z.null()]);
const nodeAnswer = z.object({
  node: apiNodeSchema,
  version: z.number().int(),
  edit: nullableEdit.openapi({ description: 'null when nothing differed (nothing was written)' }),
});
const relationshipAnswer = z.object({
  relationship: apiEdgeSchema,
  version: z.number().int(),
  edit: nullableEdit.openapi({ description: 'null when nothing differed (nothing was written)' }),
  disagreement: z
    .string()
    .optional()
    .openapi({ description: 'When the edit stated a figure differently: the disagreement group it joined' }),
});
const deletedAnswer = z.object({ deleted: z.string(), edit: editSchema });

/** What the routes of nodes and of relationships differ in; everything else they share. */
interface EntityRoutes<Create, Answer> {
  kind: TargetKind;
  /** `/nodes` or `/relationships`. */
  path: string;
  answer: z.ZodType<Answer>;
  create: {
    summary: string;
    description: string;
    body: z.ZodType<Create>;
    errors: number[];
    handler: (caller: Caller, body: Create) => Promise<Answer>;
  };
  update: {
    summary: string;
    description: string;
    handler: (caller: Caller, id: string, body: UpdateBody) => Promise<Answer>;
  };
  remove: {
    summary: string;
    /** Said before the notes on versions and evidence. */
    description?: string;
    handler: (caller: Caller, id: string, body: DeleteBody) => Promise<{ deleted: string; edit: Edit }>;
  };
  history: { summary: string; description?: string };
}

/** Create, update and delete of one kind of entity, each with its claim and sources. */
function writeRoutes<Create, Answer>(api: ApiRoutes, entity: EntityRoutes<Create, Answer>): void {
  api.add({
    method: 'post',
    path: entity.path,
    tag,
    permission: 'edit',
    summary: entity.create.summary,
    description: entity.create.description + evidenceNote,
    body: entity.create.body,
    status: 201,
    response: entity.answer,
    errors: entity.create.errors,
    handler: ({ body, res }) => entity.create.handler(callerOf(res), body),
  });

  api.add({
    method: 'patch',
    path: `${entity.path}/:id`,
    tag,
    permission: 'edit',
    summary: entity.update.summary,
    description: entity.update.description + versionNote + evidenceNote,
    params: idParams,
    body: updateBodySchema,
    response: entity.answer,
    errors: [404, 409],
    handler: ({ params, body, res }) => entity.update.handler(callerOf(res), params.id, body),
  });

  const { description } = entity.remove;
  api.add({
    method: 'delete',
    path: `${entity.path}/:id`,
    tag,
    permission: 'edit',
    summary: entity.remove.summary,
    description: (description ? description + versionNote : versionNote.trim()) + evidenceNote,
    params: idParams,
    body: deleteBodySchema,
    response: deletedAnswer,
    errors: [404, 409],
    handler: ({ params, body, res }) => entity.remove.handler(callerOf(res), params.id, body),
  });
}

/** The history of one kind of entity. */
function historyRoute<Create, Answer>(api: ApiRoutes, editing: Editing, entity: EntityRoutes<Create, Answer>): void {
  api.add({
    method: 'get',
    path: `${entity.path}/:id/history`,
    tag,
    permission: 'read',
    summary: entity.history.summary,
    description: entity.history.description,
    params: idParams,
    response: historyResponseSchema,
    errors: [404],
    handler: ({ params }) => editing.history(entity.kind, params.id),
  });
}

/** The editing routes of issue 26: all need the `edit` scope (editors and admins). */
export function editingRoutes(api: ApiRoutes, editing: Editing, investigations: InvestigationStore): void {
  const merges = new Merges(editing, investigations);

  const nodes: EntityRoutes<CreateNodeBody, NodeAnswer> = {
    kind: 'node',
    path: '/nodes',
    answer: nodeAnswer,
    create: {
      summary: 'Create a node, with a claim and sources',
      description:
        'Labels are the database’s own or plain new names; the node gets an `id` (given, or made from its name) ' +
        'that is its API id.',
      body: createNodeBodySchema,
      errors: [409],
      handler: (caller, body) => editing.createNode(caller, body),
    },
    update: {
      summary: 'Change a node’s properties, with a claim and sources',
      description: 'Only the properties given are written (null removes one); nothing is written when none differs.',
      handler: (caller, id, body) => editing.updateNode(caller, id, body),
    },
    remove: {
      summary: 'Delete a node and its relationships, with a claim and sources',
      description: 'The history keeps the node and each relationship, so a revert makes them again.',
      handler: (caller, id, body) => editing.deleteNode(caller, id, body),
    },
    history: {
      summary: 'Every edit of a node, newest first',
      description: 'Who changed what and when, before and after (typed values), with the claim and sources of each.',
    },
  };
  const relationships: EntityRoutes<CreateRelationshipBody, RelationshipAnswer> = {
    kind: 'relationship',
    path: '/relationships',
    answer: relationshipAnswer,
    create: {
      summary: 'Create a relationship between two nodes, with a claim and sources',
      description:
        'From `from` to `to`, of a type of the database or a plain new name. `since` and `endsIn` are written as ' +
        'precisely as known (YYYY, YYYY-MM, YYYY-MM-DD) and stored as the default dataset stores them.',
      body: createRelationshipBodySchema,
      errors: [404, 409],
      handler: (caller, body) => editing.createRelationship(caller, body),
    },
    update: {
      summary: 'Change a relationship’s properties, with a claim and sources',
      description:
        'A figure stated differently by sources the relationship did not cite does not overwrite it: it becomes a ' +
        'new version beside it, in its disagreement group (`disputes`), and the answer names the group.',
      handler: (caller, id, body) => editing.updateRelationship(caller, id, body),
    },
    remove: {
      summary: 'Delete a relationship, with a claim and sources',
      handler: (caller, id, body) => editing.deleteRelationship(caller, id, body),
    },
    history: { summary: 'Every edit of a relationship, newest first' },
  };

  writeRoutes(api, nodes);
  writeRoutes(api, relationships);
  historyRoute(api, editing, nodes);
  historyRoute(api, editing, relationships);

  api.add({
    method: 'post',
    path: '/edits/:id/revert',
    tag,
    permission: 'edit',
    summary: 'Revert one edit',
    description:
      'Undoes the edit as a new edit, with the reverted edit’s sources. Refused (409 `later-change`) when a later ' +
      'edit still stands on it, naming that edit.',
    params: numericId,
    response: z.object({ edit: editSchema }),
    errors: [404, 409],
    handler: ({ params, res }) => editing.revert(callerOf(res), params.id),
  });

  api.add({
    method: 'get',
    path: '/form-properties',
    tag,
    permission: 'edit',
    summary: 'The properties that nodes of a label (or relationships of a type) already have, with their kinds',
    description:
      'From a sample of up to 200 of them, most common first: what a form for a new node or relationship offers. ' +
      'Each kind is Neo4j’s `valueType` (STRING NOT NULL, INTEGER NOT NULL, DATE NOT NULL, LIST<STRING NOT NULL> ' +
      'NOT NULL…). Give `label` or `type`; either must be the database’s own.',
    query: formPropertiesQuery,
    response: formPropertiesResponse,
    errors: [400],
    handler: ({ query }) => formProperties(editing, query),
  });

  api.add({
    method: 'get',
    path: '/duplicates',
    tag,
    permission: 'read',
    summary: 'Nodes that may be the same, each suggestion with its reasons',
    description:
      'The same name once accents, case, punctuation, legal suffixes (Inc., LLC, SA…) and word order are set ' +
      'aside; a name that is another’s alias; many neighbours in common.',
    response: duplicatesResponseSchema,
    handler: () => findDuplicates(editing.db, editing.catalog),
  });

  api.add({
    method: 'post',
    path: '/merges',
    tag,
    permission: 'edit',
    summary: 'Merge one node into another',
    description:
      'Every relationship of `merge` moves to `keep`, its labels and the properties `keep` lacks are added, a ' +
      'property both have with different values keeps `keep`’s and lists `merge`’s in `_entente_mergedFrom`, ' +
      'and sources are joined; then `merge` is deleted. One undo restores both nodes exactly.' +
      evidenceNote,
    body: mergeBodySchema,
    status: 201,
    response: z.object({ merge: z.number().int(), node: apiNodeSchema, edit: editSchema }),
    errors: [404, 409],
    handler: ({ body, res }) => merges.merge(callerOf(res), body),
  });

  api.add({
    method: 'post',
    path: '/merges/:id/undo',
    tag,
    permission: 'edit',
    summary: 'Undo a merge, restoring both nodes exactly',
    description: 'Refused (409) when a later edit changed the kept node or a moved relationship, naming it.',
    params: numericId,
    response: z.object({ keep: apiNodeSchema, restored: apiNodeSchema, edit: editSchema }),
    errors: [404, 409],
    handler: ({ params, res }) => merges.undo(callerOf(res), params.id),
  });
}
