import { z } from 'zod';
import { callerOf, type Caller } from '../accounts/caller.js';
import type { SettingsStore } from '../accounts/settings.js';
import type { Catalog } from '../graph/catalog.js';
import { apiGraphSchema } from '../graph/graph.schemas.js';
import { ProblemError } from '../http/problem.js';
import { queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import type { Store } from '../store/store.js';
import {
  annotationBody,
  annotationParams,
  annotationSchema,
  annotationUpdate,
  compareQuery,
  createBody,
  fileSchema,
  idParams,
  importResponse,
  investigationSchema,
  listQuery,
  listResponse,
  openedGraphChanges,
  sharesBody,
  sharesResponse,
  summarySchema,
  updateBody,
  versionDetailSchema,
  versionParams,
  versionSchema,
} from './investigations.schemas.js';
import { currentGraph, missingNodes, relationshipIdsAmong } from './investigations.queries.js';
import { InvestigationStore } from './investigations.store.js';

const tag = 'Investigations';
const hidden = 'A caller who may not open it gets 404, as if it did not exist.';

export function investigationRoutes(
  api: ApiRoutes,
  db: Database,
  catalog: Catalog,
  store: Store,
  settings: SettingsStore,
) {
  const investigations = new InvestigationStore(
    store,
    async () => (await settings.current()).publicLinks,
    (ids) => relationshipIdsAmong(db, catalog, ids),
  );

  /** Source documents a note cites must be nodes of this graph. */
  async function checkSources(sources: string[] | undefined) {
    const missing = sources?.length ? await missingNodes(db, catalog, sources) : [];
    if (missing.length) {
      throw ProblemError.badRequest(`body.sources: no node has the id "${missing[0]}"`, [
        { location: 'body.sources', message: `no node has the id "${missing[0]}"` },
      ]);
    }
  }

  api.add({
    method: 'get',
    path: '/investigations',
    tag,
    permission: 'read',
    summary: 'Investigations the caller may open, newest first',
    description:
      'Their own, those shared with them or their role (admins: all). Paged: pass `next` back as `cursor`. ' +
      'Investigations opened only through a link are not listed.',
    query: listQuery,
    response: listResponse,
    handler: ({ query, res }) =>
      investigations.list(callerOf(res), {
        q: query.q,
        mine: query.mine === 'true',
        limit: query.limit,
        cursor: query.cursor,
      }),
  });

  api.add({
    method: 'post',
    path: '/investigations',
    tag,
    permission: 'write:investigations',
    summary: 'Save a view as a new investigation',
    description: '`view` is what a shared link holds. The caller owns the investigation.',
    body: createBody,
    response: investigationSchema,
    status: 201,
    handler: ({ body, res }) => investigations.create(callerOf(res), body),
  });

  api.add({
    method: 'post',
    path: '/investigations/import',
    tag,
    permission: 'write:investigations',
    summary: 'Import an investigation file (from GET /api/investigations/{id}/file)',
    description: 'Nodes the file names that this graph lacks are listed in `missing`; the rest open as saved.',
    body: fileSchema,
    response: importResponse,
    status: 201,
    handler: async ({ body, res }) => {
      const missing = await missingNodes(db, catalog, body.view.ids);
      return { ...(await investigations.importFile(callerOf(res), body)), missing };
    },
  });

  api.add({
    method: 'get',
    path: '/investigations/:id',
    tag,
    permission: 'public',
    summary: 'One investigation with its view',
    description: `Public so that a public link opens without signing in. ${hidden}`,
    params: idParams,
    response: investigationSchema,
    errors: [404],
    handler: ({ params, res }) => investigations.get(callerOf(res), params.id),
  });

  api.add({
    method: 'get',
    path: '/investigations/:id/graph',
    tag,
    permission: 'public',
    summary: 'What the investigation’s nodes and relationships are in the graph now, and what changed',
    description:
      'Its nodes as they are now and every relationship among them, with `changes`: nodes gone, drawn ' +
      `relationships gone, and relationships among its nodes added since they were saved. ${hidden}`,
    params: idParams,
    response: z.object({ graph: apiGraphSchema, changes: openedGraphChanges }),
    errors: [404],
    handler: async ({ params, res }) => {
      const { view, known } = await investigations.opened(callerOf(res), params.id);
      return currentGraph(db, catalog, view, known);
    },
  });

  api.add({
    method: 'put',
    path: '/investigations/:id',
    tag,
    permission: 'write:investigations',
    summary: 'Save changes at the version read',
    description:
      'A save at a version that is no longer current is refused with 409 (`currentVersion` says which is); ' +
      `nothing is lost. A save that changes nothing makes no version. Answers the summary (not the view sent). ${hidden}`,
    params: idParams,
    body: updateBody,
    response: summarySchema,
    errors: [404, 409],
    handler: ({ params, body, res }) => investigations.update(callerOf(res), params.id, body),
  });

  api.add({
    method: 'delete',
    path: '/investigations/:id',
    tag,
    permission: 'write:investigations',
    summary: 'Delete an investigation with its versions and notes (its owner or an admin)',
    params: idParams,
    response: z.object({ deleted: z.string() }),
    errors: [404],
    handler: async ({ params, res }) => {
      await investigations.remove(callerOf(res), params.id);
      return { deleted: params.id };
    },
  });

  api.add({
    method: 'get',
    path: '/investigations/:id/versions',
    tag,
    permission: 'public',
    summary: 'Its saved versions, newest first',
    params: idParams,
    query: z.strictObject({ limit: queryInteger(1, 1000).optional() }),
    response: z.object({ items: z.array(versionSchema) }),
    errors: [404],
    handler: async ({ params, query, res }) => ({
      items: await investigations.versions(callerOf(res), params.id, query.limit ?? 200),
    }),
  });

  api.add({
    method: 'get',
    path: '/investigations/:id/versions/:version',
    tag,
    permission: 'public',
    summary: 'One version’s view; with `with`, what changed between the two (earlier to later)',
    params: versionParams,
    query: compareQuery,
    response: versionDetailSchema,
    errors: [404],
    handler: ({ params, query, res }) => investigations.version(callerOf(res), params.id, params.version, query.with),
  });

  api.add({
    method: 'post',
    path: '/investigations/:id/versions/:version/restore',
    tag,
    permission: 'write:investigations',
    summary: 'Make an old version current again (as a new version)',
    params: versionParams,
    body: z.strictObject({ version: z.number().int().min(1) }).openapi({
      description: 'The version now current, as read (409 otherwise)',
      example: { version: 3 },
    }),
    response: summarySchema,
    errors: [404, 409],
    handler: ({ params, body, res }) => investigations.restore(callerOf(res), params.id, params.version, body.version),
  });

  api.add({
    method: 'get',
    path: '/investigations/:id/annotations',
    tag,
    permission: 'public',
    summary: 'Its notes, in present-mode order, then by time',
    params: idParams,
    response: z.object({ items: z.array(annotationSchema) }),
    errors: [404],
    handler: async ({ params, res }) => ({ items: await investigations.annotations(callerOf(res), params.id) }),
  });

  api.add({
    method: 'post',
    path: '/investigations/:id/annotations',
    tag,
    permission: 'write:investigations',
    summary: 'Add a note on a node, a relationship or the canvas',
    description: '`sources` cite source documents of the graph by node id.',
    params: idParams,
    body: annotationBody,
    response: annotationSchema,
    status: 201,
    errors: [404],
    handler: async ({ params, body, res }) => {
      await investigations.check(callerOf(res), params.id, 'change');
      await checkSources(body.sources);
      return investigations.annotate(callerOf(res), params.id, body);
    },
  });

  api.add({
    method: 'patch',
    path: '/investigations/:id/annotations/:note',
    tag,
    permission: 'write:investigations',
    summary: 'Change a note (its author or the investigation’s owner)',
    params: annotationParams,
    body: annotationUpdate,
    response: annotationSchema,
    errors: [404],
    handler: async ({ params, body, res }) => {
      await investigations.check(callerOf(res), params.id, 'change');
      await checkSources(body.sources);
      return investigations.updateNote(callerOf(res), params.id, params.note, body);
    },
  });

  api.add({
    method: 'delete',
    path: '/investigations/:id/annotations/:note',
    tag,
    permission: 'write:investigations',
    summary: 'Delete a note (its author or the investigation’s owner)',
    params: annotationParams,
    response: z.object({ deleted: z.string() }),
    errors: [404],
    handler: async ({ params, res }) => {
      await investigations.deleteNote(callerOf(res), params.id, params.note);
      return { deleted: params.note };
    },
  });

  api.add({
    method: 'get',
    path: '/investigations/:id/shares',
    tag,
    permission: 'write:investigations',
    summary: 'Who it is shared with (its owner or an admin)',
    params: idParams,
    response: sharesResponse,
    errors: [404],
    handler: ({ params, res }) => investigations.shares(callerOf(res), params.id),
  });

  api.add({
    method: 'put',
    path: '/investigations/:id/shares',
    tag,
    permission: 'write:investigations',
    summary: 'Share with named users or roles, as viewer or editor, and set its link',
    description:
      '`link`: `none`, `signed-in` (anyone signed in who has the link may read it) or `public` (anyone, ' +
      'also embedded; only where an admin allows public links). Replaces the shares held before.',
    params: idParams,
    body: sharesBody,
    response: sharesResponse,
    errors: [404],
    handler: ({ params, body, res }) => investigations.share(callerOf(res), params.id, body.link, body.shares),
  });

  /** For the export route: the node ids of an investigation the caller may open. */
  const nodesOf = async (caller: Caller, id: string) => (await investigations.opened(caller, id)).view.ids;

  api.add({
    method: 'get',
    path: '/investigations/:id/file',
    tag,
    permission: 'public',
    summary: 'The investigation as one JSON file, with its notes (for POST /api/investigations/import)',
    params: idParams,
    response: fileSchema,
    errors: [404],
    handler: async ({ params, res }) => {
      const file = await investigations.exportFile(callerOf(res), params.id);
      res.set('Content-Disposition', `attachment; filename="investigation-${params.id}.json"`);
      return file;
    },
  });

  return { nodesOf, store: investigations };
}
