// The editing routes (issue 26), through the generated client (see api/api.ts); the shapes are the contract's.
import { answer, type AnswerOf, type BodyOf, type components } from '../api/api.js';

type Schemas = components['schemas'];
export type Edit = Schemas['Edit'];
export type HistoryResponse = Schemas['History'];
export type PropertyValue = Schemas['PropertyValue'];
export type SourceInput = Schemas['SourceInput'];
type UpdateBody = BodyOf<'/api/nodes/{id}', 'patch'>;
type DeleteBody = BodyOf<'/api/nodes/{id}', 'delete'>;
type CreateNodeBody = BodyOf<'/api/nodes', 'post'>;
type CreateRelationshipBody = BodyOf<'/api/relationships', 'post'>;
type MergeBody = BodyOf<'/api/merges', 'post'>;
export type Suggestion = AnswerOf<'/api/duplicates', 'get'>['suggestions'][number];
/** A property nodes of a label (or relationships of a type) already have, with Neo4j's kinds of its values. */
export type FormProperty = AnswerOf<'/api/form-properties', 'get'>['properties'][number];

/**
 * Elements an edit took off the graph (a revert of what made them): removed from the canvas, with what to select
 * in their place (the relationship a reverted figure stood beside) and what to say, since the inspector goes.
 */
export interface Gone {
  ids: string[];
  select?: { kind: 'edge'; id: string };
  said: string;
}

/** What is edited: a node or a relationship, by its API id. */
export interface EditTarget {
  kind: 'node' | 'relationship';
  id: string;
}

/** The answer of a saved edit, of a node or of a relationship. */
export type Saved = Partial<AnswerOf<'/api/nodes/{id}', 'patch'>> &
  Partial<AnswerOf<'/api/relationships/{id}', 'patch'>>;

const params = (target: EditTarget) => ({ path: { id: target.id } });

export const editingApi = {
  history: (target: EditTarget) =>
    target.kind === 'node'
      ? answer((client) => client.GET('/api/nodes/{id}/history', { params: params(target) }))
      : answer((client) => client.GET('/api/relationships/{id}/history', { params: params(target) })),
  update: (target: EditTarget, body: UpdateBody): Promise<Saved> =>
    target.kind === 'node'
      ? answer((client) => client.PATCH('/api/nodes/{id}', { params: params(target), body }))
      : answer((client) => client.PATCH('/api/relationships/{id}', { params: params(target), body })),
  remove: (target: EditTarget, body: DeleteBody) =>
    target.kind === 'node'
      ? answer((client) => client.DELETE('/api/nodes/{id}', { params: params(target), body }))
      : answer((client) => client.DELETE('/api/relationships/{id}', { params: params(target), body })),
  /** One relationship as the server has it now (404 or 410 once an edit removed it). */
  relationship: (id: string) => answer((client) => client.GET('/api/relationships/{id}', { params: { path: { id } } })),
  revert: (editId: number) =>
    answer((client) => client.POST('/api/edits/{id}/revert', { params: { path: { id: String(editId) } } })),
  createNode: (body: CreateNodeBody) => answer((client) => client.POST('/api/nodes', { body })),
  createRelationship: (body: CreateRelationshipBody) => answer((client) => client.POST('/api/relationships', { body })),
  formProperties: (of: { label: string } | { type: string }) =>
    answer((client) => client.GET('/api/form-properties', { params: { query: of } })),
  duplicates: () => answer((client) => client.GET('/api/duplicates')),
  merge: (body: MergeBody) => answer((client) => client.POST('/api/merges', { body })),
  undoMerge: (id: number) =>
    answer((client) => client.POST('/api/merges/{id}/undo', { params: { path: { id: String(id) } } })),
};
