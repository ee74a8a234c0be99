// Every request through the generated client (see api/api.ts); the shapes are the contract's.
import { answer, type AnswerOf, type BodyOf, type components, type QueryOf } from '../api/api.js';

type Schemas = components['schemas'];
export type Annotation = Schemas['Annotation'];
export type Investigation = Schemas['Investigation'];
export type InvestigationFile = AnswerOf<'/api/investigations/{id}/file', 'get'>;
export type InvestigationShares = Schemas['InvestigationShares'];
export type InvestigationSummary = Schemas['InvestigationSummary'];
export type InvestigationVersion = Schemas['InvestigationVersion'];
export type InvestigationVersionDetail = Schemas['InvestigationVersionDetail'];
export type OpenedGraphChanges = Schemas['InvestigationGraphChanges'];
export type View = Schemas['View'];
type AnnotationBody = BodyOf<'/api/investigations/{id}/annotations', 'post'>;
type AnnotationUpdate = BodyOf<'/api/investigations/{id}/annotations/{note}', 'patch'>;
type SharesBody = BodyOf<'/api/investigations/{id}/shares', 'put'>;
type UpdateBody = BodyOf<'/api/investigations/{id}', 'put'>;
type ListOptions = Omit<QueryOf<'/api/investigations', 'get'>, 'mine'> & { mine?: boolean };

const at = (id: string) => ({ path: { id } });

export const investigationsApi = {
  list: ({ q, mine, cursor, limit }: ListOptions = {}) =>
    answer((client) =>
      client.GET('/api/investigations', {
        params: {
          query: {
            ...(q ? { q } : {}),
            ...(mine ? { mine: 'true' as const } : {}),
            ...(cursor ? { cursor } : {}),
            ...(limit ? { limit } : {}),
          },
        },
      }),
    ),
  get: (id: string) => answer((client) => client.GET('/api/investigations/{id}', { params: at(id) })),
  graph: (id: string) => answer((client) => client.GET('/api/investigations/{id}/graph', { params: at(id) })),
  create: (fields: BodyOf<'/api/investigations', 'post'>) =>
    answer((client) => client.POST('/api/investigations', { body: fields })),
  update: (id: string, change: UpdateBody) =>
    answer((client) => client.PUT('/api/investigations/{id}', { params: at(id), body: change })),
  remove: (id: string) => answer((client) => client.DELETE('/api/investigations/{id}', { params: at(id) })),
  versions: (id: string) => answer((client) => client.GET('/api/investigations/{id}/versions', { params: at(id) })),
  version: (id: string, version: number, compareWith?: number) =>
    answer((client) =>
      client.GET('/api/investigations/{id}/versions/{version}', {
        params: {
          path: { id, version },
          query: compareWith === undefined ? {} : { with: compareWith },
        },
      }),
    ),
  restore: (id: string, version: number, current: number) =>
    answer((client) =>
      client.POST('/api/investigations/{id}/versions/{version}/restore', {
        params: { path: { id, version } },
        body: { version: current },
      }),
    ),
  annotations: (id: string) =>
    answer((client) => client.GET('/api/investigations/{id}/annotations', { params: at(id) })),
  annotate: (id: string, note: AnnotationBody) =>
    answer((client) => client.POST('/api/investigations/{id}/annotations', { params: at(id), body: note })),
  updateNote: (id: string, noteId: string, change: AnnotationUpdate) =>
    answer((client) =>
      client.PATCH('/api/investigations/{id}/annotations/{note}', {
        params: { path: { id, note: noteId } },
        body: change,
      }),
    ),
  deleteNote: (id: string, noteId: string) =>
    answer((client) =>
      client.DELETE('/api/investigations/{id}/annotations/{note}', { params: { path: { id, note: noteId } } }),
    ),
  shares: (id: string) => answer((client) => client.GET('/api/investigations/{id}/shares', { params: at(id) })),
  share: (id: string, body: SharesBody) =>
    answer((client) => client.PUT('/api/investigations/{id}/shares', { params: at(id), body })),
  file: (id: string) => answer((client) => client.GET('/api/investigations/{id}/file', { params: at(id) })),
  importFile: (file: unknown) =>
    answer((client) =>
      // A file the user chose: the server checks it against the contract (400 naming the field).
      client.POST('/api/investigations/import', { body: file as BodyOf<'/api/investigations/import', 'post'> }),
    ),
};
