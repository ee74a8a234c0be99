// Type-only, as for the graph's shapes: the schemas stay on the server, the client takes their inferred types.
import type {
  Annotation,
  AnnotationBody,
  AnnotationUpdate,
  Investigation,
  InvestigationFile,
  InvestigationImported,
  InvestigationList,
  InvestigationShares,
  InvestigationSummary,
  InvestigationVersion,
  InvestigationVersionDetail,
  OpenedGraphChanges,
  SharesBody,
  UpdateBody,
  View,
} from '../../../server/investigations/investigations.schemas.js';
import { request, type Graph } from '../api/api';

export type {
  Annotation,
  Investigation,
  InvestigationFile,
  InvestigationShares,
  InvestigationSummary,
  InvestigationVersion,
  InvestigationVersionDetail,
  OpenedGraphChanges,
  View,
};

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const at = (id: string) => `/investigations/${encodeURIComponent(id)}`;

export const investigationsApi = {
  list: (options: { q?: string; mine?: boolean; cursor?: string; limit?: number } = {}) => {
    const search = new URLSearchParams();
    if (options.q) search.set('q', options.q);
    if (options.mine) search.set('mine', 'true');
    if (options.cursor) search.set('cursor', options.cursor);
    if (options.limit) search.set('limit', String(options.limit));
    return request<InvestigationList>(`/investigations?${search}`);
  },
  get: (id: string) => request<Investigation>(at(id)),
  graph: (id: string) => request<{ graph: Graph; changes: OpenedGraphChanges }>(`${at(id)}/graph`),
  create: (fields: { title: string; description?: string; view: View }) =>
    request<Investigation>('/investigations', json('POST', fields)),
  update: (id: string, change: UpdateBody) => request<InvestigationSummary>(at(id), json('PUT', change)),
  remove: (id: string) => request<{ deleted: string }>(at(id), json('DELETE')),
  versions: (id: string) => request<{ items: InvestigationVersion[] }>(`${at(id)}/versions`),
  version: (id: string, version: number, compareWith?: number) =>
    request<InvestigationVersionDetail>(
      `${at(id)}/versions/${version}${compareWith === undefined ? '' : `?with=${compareWith}`}`,
    ),
  restore: (id: string, version: number, current: number) =>
    request<InvestigationSummary>(`${at(id)}/versions/${version}/restore`, json('POST', { version: current })),
  annotations: (id: string) => request<{ items: Annotation[] }>(`${at(id)}/annotations`),
  annotate: (id: string, note: AnnotationBody) => request<Annotation>(`${at(id)}/annotations`, json('POST', note)),
  updateNote: (id: string, noteId: string, change: AnnotationUpdate) =>
    request<Annotation>(`${at(id)}/annotations/${noteId}`, json('PATCH', change)),
  deleteNote: (id: string, noteId: string) =>
    request<{ deleted: string }>(`${at(id)}/annotations/${noteId}`, json('DELETE')),
  shares: (id: string) => request<InvestigationShares>(`${at(id)}/shares`),
  share: (id: string, body: SharesBody) => request<InvestigationShares>(`${at(id)}/shares`, json('PUT', body)),
  file: (id: string) => request<InvestigationFile>(`${at(id)}/file`),
  importFile: (file: unknown) => request<InvestigationImported>('/investigations/import', json('POST', file)),
};
