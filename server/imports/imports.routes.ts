import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { callerOf } from '../accounts/caller.js';
import { cursorParam, nextField } from '../http/cursor.js';
import { ProblemError } from '../http/problem.js';
import { pageOnWithCursor, queryInteger, type ApiRoutes } from '../http/route.js';
import { inspectFile } from './engine.js';
import { jobView, terminalStatuses, type ImportJobs } from './imports.jobs.js';
import { importJobSchema } from './imports.schemas.js';
import { formatOf, isGraphFormat, mappingSchema, type Mapping } from './mapping.js';
import { UnreadableFile } from './readers.js';
import { mappingName } from './mappings.routes.js';
import type { ImportMappings } from './mappings.store.js';
import { receiveUpload } from './upload.js';

const idParams = z.object({ id: z.string().max(100) });

const uploadSchema = z.object({
  file: z.string().openapi({ type: 'string', format: 'binary', description: 'CSV, TSV, JSON, GraphML or GEXF' }),
  mapping: z.string().optional().openapi({ description: 'The mapping, as JSON (schema ImportMapping)' }),
  mappingName: z
    .string()
    .optional()
    .openapi({ description: 'Instead of `mapping`: the name of a mapping saved with POST /api/import-mappings' }),
  dryRun: z.enum(['true', 'false']).optional(),
  rejectedRows: z.enum(['skip', 'fail']).optional(),
});

function fieldProblem(location: string, message: string) {
  return ProblemError.badRequest(`${location}: ${message}`, [{ location, message }]);
}

function parseMapping(text: string | undefined): Mapping {
  let value: unknown = {};
  if (text !== undefined && text.trim()) {
    try {
      value = JSON.parse(text);
    } catch {
      throw fieldProblem('body.mapping', 'must be JSON');
    }
  }
  const parsed = mappingSchema.safeParse(value);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      location: ['body', 'mapping', ...issue.path].join('.'),
      message: issue.message,
    }));
    throw ProblemError.badRequest(`${errors[0]!.location}: ${errors[0]!.message}`, errors);
  }
  return parsed.data;
}

/** The upload's mapping: its `mapping` field, or the saved one `mappingName` names (404 when none). */
async function mappingOf(fields: Record<string, string>, mappings: ImportMappings): Promise<Mapping> {
  if (fields.mappingName === undefined) return parseMapping(fields.mapping);
  if (fields.mapping?.trim()) throw fieldProblem('body.mappingName', 'give `mapping` or `mappingName`, not both');
  const name = mappingName.safeParse(fields.mappingName);
  if (!name.success) throw fieldProblem('body.mappingName', name.error.issues[0]!.message);
  return (await mappings.get(name.data)).mapping;
}

export function importRoutes(api: ApiRoutes, jobs: ImportJobs, mappings: ImportMappings): void {
  // The mapping travels as JSON text in the upload; its schema is in the document for clients to type it.
  api.registry.register('ImportMapping', mappingSchema);
  api.add({
    method: 'post',
    path: '/imports',
    tag: 'Imports',
    permission: 'import',
    summary: 'Import a file into the graph (or dry-run it)',
    description:
      'A multipart upload of `file` (CSV, TSV, JSON, GraphML or GEXF), with `mapping` (JSON, schema ImportMapping; ' +
      'a Graph-shaped JSON, GraphML or GEXF needs none) or `mappingName` (a saved one), `dryRun` (`true`: count what would change, write nothing) ' +
      'and `rejectedRows` (`skip`, the default: rejected rows are listed and the others import; `fail`: any ' +
      'rejected row fails and rolls back the import). The file is streamed to disk, checked (a DOCTYPE in XML is ' +
      'refused), and the job answered at once (202); follow it with GET /api/imports/{id} or its events. One ' +
      'import writes at a time: another is a 409.',
    upload: uploadSchema,
    response: importJobSchema,
    status: 202,
    errors: [404, 409],
    handler: async ({ req, res }) => {
      const upload = await receiveUpload(req);
      try {
        const mapping = await mappingOf(upload.fields, mappings);
        const format = formatOf(upload.fileName, mapping);
        if (!format)
          throw fieldProblem('body.mapping.format', `cannot tell the format of "${upload.fileName}"; say it`);
        const dryRun = upload.fields.dryRun === 'true';
        const rejectedRows = upload.fields.rejectedRows === 'fail' ? 'fail' : 'skip';
        const graphShaped = isGraphFormat(format) || format === 'json';
        if (!graphShaped && !mapping.nodes && !mapping.relationships) {
          throw fieldProblem('body.mapping', 'a table needs `nodes` or `relationships` in its mapping');
        }
        let encoding;
        try {
          ({ encoding } = await inspectFile(upload.path, format));
        } catch (error) {
          if (error instanceof UnreadableFile) throw fieldProblem('body.file', error.message);
          throw error;
        }
        const row = await jobs.start(callerOf(res), {
          path: upload.path,
          fileName: upload.fileName,
          fileBytes: upload.bytes,
          format,
          encoding,
          mapping,
          dryRun,
          rejectedRows,
        });
        return jobView(row);
      } catch (error) {
        await rm(upload.path, { force: true });
        throw error;
      }
    },
  });

  api.add({
    method: 'get',
    path: '/imports',
    tag: 'Imports',
    permission: 'import',
    summary: 'Recent imports, newest first (without their rejected rows)',
    query: z.object({ limit: queryInteger(1, 500, pageOnWithCursor).optional(), cursor: cursorParam.optional() }),
    response: z.object({ imports: z.array(importJobSchema), next: nextField.optional() }),
    handler: async ({ query }) => {
      const { items, next } = await jobs.list(query.limit ?? 50, query.cursor);
      return { imports: items.map((row) => jobView(row, false)), ...(next ? { next } : {}) };
    },
  });

  api.add({
    method: 'get',
    path: '/imports/:id',
    tag: 'Imports',
    permission: 'import',
    summary: 'One import: status, progress, counts, and rejected rows with their lines',
    params: idParams,
    response: importJobSchema,
    errors: [404],
    handler: async ({ params }) => jobView(await jobs.get(params.id)),
  });

  api.add({
    method: 'get',
    path: '/imports/:id/events',
    tag: 'Imports',
    permission: 'import',
    summary: 'The progress of an import, as server-sent events',
    description:
      'Each event (`progress`, then one `end` when the job has finished) carries the job as GET /api/imports/{id} ' +
      'shows it, without its rejected rows. A client that reconnects gets the current state at once.',
    params: idParams,
    response: z.string().openapi({ description: 'text/event-stream' }),
    contentType: 'text/event-stream',
    errors: [404],
    handler: async ({ params, req, res }) => {
      let row = await jobs.get(params.id);
      res.status(200).set({
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      });
      res.flushHeaders();
      let closed = false;
      req.on('close', () => (closed = true));
      let last = '';
      for (;;) {
        const view = JSON.stringify(jobView(row, false));
        const done = terminalStatuses.has(row.status);
        if (view !== last) {
          res.write(`event: ${done ? 'end' : 'progress'}\ndata: ${view}\n\n`);
          last = view;
        }
        if (done || closed) break;
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (closed) break;
        row = await jobs.get(params.id);
      }
      res.end();
      return '';
    },
  });

  api.add({
    method: 'post',
    path: '/imports/:id/cancel',
    tag: 'Imports',
    permission: 'import',
    summary: 'Stop a running import; what it wrote is rolled back',
    params: idParams,
    response: importJobSchema,
    errors: [404, 409],
    handler: async ({ params, res }) => jobView(await jobs.cancel(callerOf(res), params.id)),
  });

  api.add({
    method: 'post',
    path: '/imports/:id/rollback',
    tag: 'Imports',
    permission: 'import',
    summary: 'Roll an import back: what it made removed, what it overwrote restored',
    description:
      'Runs in the background (status `rolling-back`, then `rolled-back`). Nodes and relationships the import ' +
      'made are deleted; on those that were there before, every property it changed gets its earlier value ' +
      'back and labels it added are removed. 409 while it runs, for a dry run, or when already rolled back.',
    params: idParams,
    response: importJobSchema,
    status: 202,
    errors: [404, 409],
    handler: async ({ params, res }) => jobView(await jobs.rollback(callerOf(res), params.id)),
  });
}
