import type { RequestHandler, Response } from 'express';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { callerOf, type Caller } from '../accounts/caller.js';
import type { Catalog } from '../graph/catalog.js';
import { checkDating, datingQuery } from '../graph/dating.js';
import { datingEntry, nodeIdParam, type ApiResult, type DatingEntry } from '../graph/graph.schemas.js';
import { limitWriteStall } from '../http/connections.js';
import { ProblemError } from '../http/problem.js';
import { commaList, cypherParameters, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Database } from '../neo4j/database.js';
import { investigationId } from '../investigations/investigations.schemas.js';
import { resolveNodes } from '../nodes/nodes.queries.js';
import { maxNeighbourhoodNodes, neighbourhood, nodeSet, wholeGraph, type ExportSource } from './export.queries.js';
import { exportFormats, renderExport, type ExportFormat } from './formats.js';

/** Ids in one export, at most (`ids`, and the nodes of a saved query's result). */
export const maxExportIds = 10_000;
/** Steps from the centre of an `around` export, at most. */
export const maxExportDepth = 3;

/** Runs a saved query as its run route does (queries.routes.ts). */
export type SavedQueryRun = (
  id: string,
  parameters: Record<string, unknown>,
  caller: Caller,
  where: string[],
) => Promise<ApiResult>;

/** The node ids of an investigation the caller may open (404 otherwise). */
export type InvestigationNodes = (caller: Caller, id: string) => Promise<string[]>;

interface ExportOptions {
  format: ExportFormat;
  ids?: string[];
  investigation?: string;
  query?: string;
  params?: Record<string, unknown>;
  around?: string;
  depth?: number;
  dating?: DatingEntry[];
}

const formatNames = Object.keys(exportFormats) as [ExportFormat, ...ExportFormat[]];
const format = z
  .enum(formatNames)
  .default('ndjson')
  .openapi({ description: 'ndjson (default), graphml, gexf, or csv (nodes.csv and relationships.csv in a zip)' });
const investigationIdOption = investigationId.openapi({
  description: 'An investigation the caller may open: its nodes that are still in the graph',
});
const savedQueryId = z.string().min(1).max(64).openapi({ description: 'A saved query’s id: the nodes of its result' });
const around = nodeIdParam.openapi({ description: 'A node id: the nodes at most `depth` steps from it' });
const depthText = `Steps from \`around\`: 1 (default) to ${maxExportDepth}`;
const idsText = `Node ids (at most ${maxExportIds.toLocaleString('en')}): those nodes and every relationship among them`;

/** One selection at most, and `params`/`depth` only with what they belong to. */
function checkSelection(options: Omit<ExportOptions, 'format'>, context: z.RefinementCtx) {
  const chosen = (['ids', 'query', 'around', 'investigation'] as const).filter((name) => options[name] !== undefined);
  if (chosen.length > 1) {
    context.addIssue({
      code: 'custom',
      path: [chosen[1]!],
      message: `give one of ids, query, around and investigation, not ${chosen.join(' and ')}`,
    });
  }
  if (options.ids && options.ids.length === 0) {
    context.addIssue({ code: 'custom', path: ['ids'], message: 'must name at least one node' });
  }
  if (options.ids && options.ids.length > maxExportIds) {
    context.addIssue({
      code: 'custom',
      path: ['ids'],
      message: `at most ${maxExportIds.toLocaleString('en')} ids; export the whole graph (no ids) for more`,
    });
  }
  if (options.params !== undefined && Object.keys(options.params).length > 0 && options.query === undefined) {
    context.addIssue({ code: 'custom', path: ['params'], message: 'params go with query' });
  }
  if (options.depth !== undefined && options.around === undefined) {
    context.addIssue({ code: 'custom', path: ['depth'], message: 'depth goes with around' });
  }
}

const jsonParameters = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON object such as {"company":"openai"}' });
      return z.NEVER;
    }
  })
  .pipe(cypherParameters)
  .openapi({ type: 'string', description: 'The saved query’s parameters as a JSON object' });

const exportQuery = z
  .strictObject({
    format,
    ids: commaList.optional().openapi({ type: 'string', description: `${idsText}, comma-separated` }),
    query: savedQueryId.optional(),
    investigation: investigationIdOption.optional(),
    params: jsonParameters.optional(),
    around: around.optional(),
    depth: queryInteger(1, maxExportDepth).optional().openapi({ description: depthText }),
    dating: datingQuery.optional(),
  })
  .superRefine(checkSelection);

const exportBody = z
  .strictObject({
    format,
    ids: z
      .array(nodeIdParam)
      .max(maxExportIds, `at most ${maxExportIds.toLocaleString('en')} ids; export the whole graph (no ids) for more`)
      .optional()
      .openapi({ description: idsText }),
    query: savedQueryId.optional(),
    investigation: investigationIdOption.optional(),
    params: cypherParameters.optional(),
    around: around.optional(),
    depth: z.number().int().min(1).max(maxExportDepth).optional().openapi({ description: depthText }),
    dating: z.array(datingEntry).max(100).optional(),
  })
  .superRefine(checkSelection)
  .openapi({ example: { format: 'graphml', ids: ['microsoft', 'openai', 'azure'] } });

const description =
  'Streams the whole graph (by default), the given nodes (`ids`), the nodes of a saved query’s result ' +
  '(`query`, with `params`), of an investigation (`investigation`) or a neighbourhood (`around`, `depth`), ' +
  'each with every relationship among ' +
  'those nodes. Formats: `ndjson` (one `{"node": Node}` per line, then one `{"edge": Edge}` per line, the ' +
  'API’s shapes), `graphml` and `gexf` (labels, relationship types, typed property attributes, since and ' +
  'until), `csv` (a zip of nodes.csv and relationships.csv; cells starting with =, +, -, @ are prefixed ' +
  'with an apostrophe). The export is written as the client reads it: memory stays bounded however large ' +
  'the graph, and a client that disconnects stops the query. Limits: ' +
  `${maxExportIds.toLocaleString('en')} ids; depth ${maxExportDepth}; a neighbourhood of ` +
  `${maxNeighbourhoodNodes.toLocaleString('en')} nodes; a saved query’s result within CYPHER_MAX_ROWS; ` +
  'ten minutes per export. A query string is bounded at 16 KB: send many ids with POST.';

export function exportRoutes(
  api: ApiRoutes,
  db: Database,
  catalog: Catalog,
  runSavedQuery: SavedQueryRun,
  /** The budget saved-query runs share with the console: an export of a query's result draws on it too. */
  rateLimit: RequestHandler,
  investigationNodes: InvestigationNodes,
) {
  const limitQueryRuns: RequestHandler = (req, res, next) => {
    const body: unknown = req.body;
    const runsQuery = req.query.query !== undefined || (typeof body === 'object' && body !== null && 'query' in body);
    if (runsQuery) rateLimit(req, res, next);
    else next();
  };

  /** The nodes of `ids`, each by the id it goes by; one that is missing is a 404 unless `skipMissing`. */
  async function elementIdsOf(ids: string[], where: string, skipMissing = false): Promise<string[]> {
    const identity = await catalog.identity();
    // As for the subgraph route: a node found by an id it no longer goes by is not the node asked for.
    const found = new Map(
      [...(await resolveNodes(db, catalog, ids))].filter(([id, node]) => identity.keyOf(node) === id),
    );
    const missing = [...new Set(ids)].filter((id) => !found.has(id));
    if (missing.length && !skipMissing) {
      const listed = missing
        .slice(0, 5)
        .map((id) => `"${id}"`)
        .join(', ');
      const message = `no node has the id${missing.length > 1 ? 's' : ''} ${listed}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`;
      throw new ProblemError(404, 'not-found', 'Not found', `${where}: ${message}`, [{ location: where, message }]);
    }
    return [...found.values()].map((node) => node.elementId);
  }

  async function sourceOf(options: ExportOptions, caller: Caller, where: 'query' | 'body'): Promise<ExportSource> {
    const identity = await catalog.identity();
    const dating = await checkDating(catalog, options.dating, `${where}.dating`);
    if (options.ids) {
      return nodeSet(db, identity, dating, await elementIdsOf(options.ids, `${where}.ids`));
    }
    if (options.investigation !== undefined) {
      // Nodes gone from the graph since it was saved are left out, as opening it leaves them out.
      const ids = await investigationNodes(caller, options.investigation);
      return nodeSet(db, identity, dating, await elementIdsOf(ids, `${where}.investigation`, true));
    }
    if (options.around !== undefined) {
      const [centre] = await elementIdsOf([options.around], `${where}.around`);
      return nodeSet(db, identity, dating, await neighbourhood(db, centre!, options.depth ?? 1));
    }
    if (options.query !== undefined) {
      const result = await runSavedQuery(options.query, options.params ?? {}, caller, [where, 'params']);
      if (result.meta.truncated) {
        throw new ProblemError(
          413,
          'export-too-large',
          'Result too large',
          `The saved query returned more rows than CYPHER_MAX_ROWS allows; narrow it with its parameters, or ` +
            'export the whole graph (no `query`).',
        ).with({ limit: 'CYPHER_MAX_ROWS', parameter: 'query' });
      }
      const ids = result.graph.nodes.map((node) => node.id);
      if (ids.length > maxExportIds) {
        throw new ProblemError(
          413,
          'export-too-large',
          'Result too large',
          `The saved query’s result holds ${ids.length} nodes, more than the ${maxExportIds.toLocaleString('en')} ` +
            'an export of a result takes; narrow it with its parameters, or export the whole graph (no `query`).',
        ).with({ limit: maxExportIds, parameter: 'query' });
      }
      return nodeSet(db, identity, dating, ids.length ? await elementIdsOf(ids, `${where}.query`) : []);
    }
    return wholeGraph(db, identity, dating);
  }

  async function send(res: Response, options: ExportOptions, where: 'query' | 'body') {
    const source = await sourceOf(options, callerOf(res), where);
    const { contentType, extension } = exportFormats[options.format];
    const headers = {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="entente-export.${extension}"`,
      'Cache-Control': 'no-store',
    };
    if (res.req.method === 'HEAD') {
      res.status(200).set(headers).end();
      return;
    }
    const { stream, close } = await renderExport(options.format, source);
    res.once('close', close);
    // Errors reach the pipeline below; this listener only keeps one raised before it is attached from
    // being an uncaught exception.
    stream.on('error', () => undefined);
    // The first piece is read before the status is sent, so a query that fails at once is a problem answer.
    try {
      await once(stream, 'readable');
    } catch (error) {
      close();
      throw error;
    }
    res.once('finish', limitWriteStall(res.socket));
    res.status(200).set(headers);
    try {
      await pipeline(stream, res);
    } catch {
      // The client went away, stalled past the write timeout, or the database failed mid-stream: the
      // connection is closed without the end of the file, so no reader takes a cut export for a whole one.
      close();
    }
  }

  const common = {
    path: '/export',
    tag: 'Export',
    permission: 'read' as const,
    description,
    response: z.unknown(),
    errors: [403, 404, 413, 429, 504],
    guards: [limitQueryRuns],
    streams: {
      contentTypes: [...new Set(Object.values(exportFormats).map((entry) => entry.contentType.split(';')[0]!))],
      description: 'The export, streamed (Content-Disposition names the file)',
    },
  };

  api.add({
    ...common,
    method: 'get',
    summary: 'Export the graph or part of it (NDJSON, GraphML, GEXF, CSV)',
    query: exportQuery,
    handler: async ({ query, res }) => send(res, query, 'query'),
  });

  api.add({
    ...common,
    method: 'post',
    summary: 'Export given nodes or part of the graph, options in a JSON body (many ids)',
    body: exportBody,
    handler: async ({ body, res }) => send(res, body, 'body'),
  });
}
