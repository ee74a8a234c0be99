// The editing routes (issue 26), typed by the server's contract. Type-only imports: no zod in the page.
import type {
  CreateNodeBody,
  CreateRelationshipBody,
  DeleteBody,
  DuplicatesResponse,
  Edit,
  MergeBody,
  HistoryResponse,
  PropertyValue,
  SourceInput,
  UpdateBody,
} from '../../../server/graph/editing.schemas.js';
import { request, type ApiEdge, type ApiNode } from '../api/api';

export type { Edit, HistoryResponse, PropertyValue, SourceInput };
export type Suggestion = DuplicatesResponse['suggestions'][number];

/** A property nodes of a label (or relationships of a type) already have, with Neo4j's kinds of its values. */
export interface FormProperty {
  key: string;
  kinds: string[];
  count: number;
}

/** What is edited: a node or a relationship, by its API id. */
export interface EditTarget {
  kind: 'node' | 'relationship';
  id: string;
}

const path = (target: EditTarget) =>
  `/${target.kind === 'node' ? 'nodes' : 'relationships'}/${encodeURIComponent(target.id)}`;
const json = (method: string, body: unknown) => ({ method, body: JSON.stringify(body) });

export interface Saved {
  node?: ApiNode;
  relationship?: ApiEdge;
  version: number;
  edit: Edit | null;
  disagreement?: string;
}

export const editingApi = {
  history: (target: EditTarget) => request<HistoryResponse>(`${path(target)}/history`),
  update: (target: EditTarget, body: UpdateBody) => request<Saved>(path(target), json('PATCH', body)),
  remove: (target: EditTarget, body: DeleteBody) =>
    request<{ deleted: string; edit: Edit }>(path(target), json('DELETE', body)),
  revert: (editId: number) => request<{ edit: Edit }>(`/edits/${editId}/revert`, json('POST', {})),
  createNode: (body: CreateNodeBody) => request<Saved & { node: ApiNode }>('/nodes', json('POST', body)),
  createRelationship: (body: CreateRelationshipBody) =>
    request<Saved & { relationship: ApiEdge }>('/relationships', json('POST', body)),
  formProperties: (of: { label: string } | { type: string }) =>
    request<{ properties: FormProperty[] }>(`/form-properties?${new URLSearchParams(of).toString()}`),
  duplicates: () => request<DuplicatesResponse>('/duplicates'),
  merge: (body: MergeBody) => request<{ merge: number; node: ApiNode; edit: Edit }>('/merges', json('POST', body)),
  undoMerge: (id: number) =>
    request<{ keep: ApiNode; restored: ApiNode; edit: Edit }>(`/merges/${id}/undo`, json('POST', {})),
};
