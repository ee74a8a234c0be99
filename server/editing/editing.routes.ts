import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import {
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
import type { Editing } from './editing.js';
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

/** The editing routes of issue 26: all need the `edit` scope (editors and admins). */
export function editingRoutes(api: ApiRoutes, editing: Editing, investigations: InvestigationStore): void {
  const merges = new Merges(editing, investigations);

  api.add({
    method: 'post',
    path: '/nodes',
    tag,
    permission: 'edit',
    summary: 'Create a node, with a claim and sources',
    description:
      'Labels are the database’s own or plain new names; the node gets an `id` (given, or made from its name) ' +
      'that is its API id.' +
      evidenceNote,
    body: createNodeBodySchema,
    status: 201,
    response: nodeAnswer,
    errors: [409],
    handler: ({ body, res }) => editing.createNode(callerOf(res), body),
  });

  api.add({
    method: 'patch',
    path: '/nodes/:id',
    tag,
    permission: 'edit',
    summary: 'Change a node’s properties, with a claim and sources',
    description:
      'Only the properties given are written (null removes one); nothing is written when none differs.' +
      versionNote +
      evidenceNote,
    params: idParams,
    body: updateBodySchema,
    response: nodeAnswer,
    errors: [404, 409],
    handler: ({ params, body, res }) => editing.updateNode(callerOf(res), params.id, body),
  });

  api.add({
    method: 'delete',
    path: '/nodes/:id',
    tag,
    permission: 'edit',
    summary: 'Delete a node and its relationships, with a claim and sources',
    description:
      'The history keeps the node and each relationship, so a revert makes them again.' + versionNote + evidenceNote,
    params: idParams,
    body: deleteBodySchema,
    response: deletedAnswer,
    errors: [404, 409],
    handler: ({ params, body, res }) => editing.deleteNode(callerOf(res), params.id, body),
  });

  api.add({
    method: 'post',
    path: '/relationships',
    tag,
    permission: 'edit',
    summary: 'Create a relationship between two nodes, with a claim and sources',
    description:
      'From `from` to `to`, of a type of the database or a plain new name. `since` and `endsIn` are written as ' +
      'precisely as known (YYYY, YYYY-MM, YYYY-MM-DD) and stored as the default dataset stores them.' +
      evidenceNote,
    body: createRelationshipBodySchema,
    status: 201,
    response: relationshipAnswer,
    errors: [404, 409],
    handler: ({ body, res }) => editing.createRelationship(callerOf(res), body),
  });

  api.add({
    method: 'patch',
    path: '/relationships/:id',
    tag,
    permission: 'edit',
    summary: 'Change a relationship’s properties, with a claim and sources',
    description:
      'A figure stated differently by sources the relationship did not cite does not overwrite it: it becomes a ' +
      'new version beside it, in its disagreement group (`disputes`), and the answer names the group.' +
      versionNote +
      evidenceNote,
    params: idParams,
    body: updateBodySchema,
    response: relationshipAnswer,
    errors: [404, 409],
    handler: ({ params, body, res }) => editing.updateRelationship(callerOf(res), params.id, body),
  });

  api.add({
    method: 'delete',
    path: '/relationships/:id',
    tag,
    permission: 'edit',
    summary: 'Delete a relationship, with a claim and sources',
    params: idParams,
    body: deleteBodySchema,
    response: deletedAnswer,
    description: versionNote.trim() + evidenceNote,
    errors: [404, 409],
    handler: ({ params, body, res }) => editing.deleteRelationship(callerOf(res), params.id, body),
  });

  api.add({
    method: 'get',
    path: '/nodes/:id/history',
    tag,
    permission: 'read',
    summary: 'Every edit of a node, newest first',
    description: 'Who changed what and when, before and after (typed values), with the claim and sources of each.',
    params: idParams,
    response: historyResponseSchema,
    errors: [404],
    handler: ({ params }) => editing.history('node', params.id),
  });

  api.add({
    method: 'get',
    path: '/relationships/:id/history',
    tag,
    permission: 'read',
    summary: 'Every edit of a relationship, newest first',
    params: idParams,
    response: historyResponseSchema,
    errors: [404],
    handler: ({ params }) => editing.history('relationship', params.id),
  });

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
