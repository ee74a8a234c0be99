import { randomUUID } from 'node:crypto';
import { OpenAPIRegistry, extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Access } from '../accounts/access.js';
import type { Permission } from '../accounts/roles.js';
import { callerOf } from '../accounts/caller.js';
import { problemSchema } from '../graph/graph.schemas.js';
import { matchesIfNoneMatch, requestEtag, sendJson, sendNotModified } from './json.js';
import { ProblemError } from './problem.js';

extendZodWithOpenApi(z);

const problemText: Record<number, string> = {
  400: 'Invalid parameters or body',
  405: 'Method not allowed',
  302: 'Redirect',
  401: 'Not signed in, or an invalid API key',
  403: 'Not permitted to this caller (role, key scope, CSRF token or origin)',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  429: 'Too many requests',
  503: 'Database unavailable',
  504: 'Query timed out',
};

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec<Params, Query, Body, Result> {
  method: Method;
  /** Express-style path below /api, e.g. `/nodes/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  body?: z.ZodType<Body>;
  /**
   * A multipart/form-data body, documented only: the handler reads it from `req` as a stream (uploads are
   * never parsed whole before the route runs).
   */
  upload?: z.ZodType;
  response: z.ZodType<Result>;
  /** The success answer's media type, where it is not JSON (a stream the handler writes itself). */
  contentType?: string;
  status?: number;
  /** Problem statuses this route can answer besides 400 and 503. */
  errors?: number[];
  /** What the caller needs (server/accounts/roles.ts); checked before anything else, listed in OpenAPI. */
  permission: Permission;
  /** Runs after the permission check, before parsing (rate limits). */
  guards?: RequestHandler[];
  /**
   * `graph`: the answer of a GET depends only on the graph, the request and the caller's role (no store, no
   * clock). Its ETag is then known before the handler runs (the graph's version: see
   * `requestEtag` in json.ts), so a request whose If-None-Match holds it is a 304 without running the read.
   * Without it (or when the database gives no version) the ETag is the hash of the body.
   */
  cache?: 'graph';
  /** The handler answers with a URL to redirect the browser to (302) instead of a JSON body. */
  redirect?: boolean;
  /**
   * The handler writes the answer itself, streamed in one of these media types (`response` is then not
   * sent); errors it throws before writing anything are problems like any other.
   */
  streams?: { contentTypes: string[]; description: string };
  handler: (input: { params: Params; query: Query; body: Body; req: Request; res: Response }) => Promise<Result>;
}

/**
 * Routes declared once with their zod schemas: the same declaration parses requests (the handler gets
 * typed, parsed values) and feeds the OpenAPI document, so the two cannot drift apart.
 */
export class ApiRoutes {
  readonly router = Router();
  readonly registry = new OpenAPIRegistry();
  private readonly methodsByPath = new Map<string, Set<string>>();
  /** This process: ETags of graph reads name it, so that a restart or a new release answers afresh. */
  private readonly instance = randomUUID();

  constructor(
    private readonly access: Access,
    /**
     * What a graph read's answer depends on besides the request: the graph's version and what the catalog
     * holds (see app.ts), or null when it cannot be had now. The validator of `cache: 'graph'` routes.
     */
    private readonly graphState?: () => Promise<string | null>,
  ) {
    this.registry.register('Problem', problemSchema);
    this.registry.registerComponent('securitySchemes', 'apiKey', {
      type: 'http',
      scheme: 'bearer',
      description: 'An API key (POST /api/keys), scoped no wider than its owner’s role',
    });
    this.registry.registerComponent('securitySchemes', 'session', {
      type: 'apiKey',
      in: 'cookie',
      name: 'entente_session',
      description: 'The session cookie set by POST /api/session; writes also need the x-csrf-token header',
    });
  }

  /**
   * Answers 405 with an `Allow` header for a method no route of a known path serves (TRACE, PATCH…).
   * Called once, after every route is added.
   */
  refuseOtherMethods(): void {
    for (const [path, methods] of this.methodsByPath) {
      const allow = [...methods, ...(methods.has('GET') ? ['HEAD'] : [])].join(', ');
      this.router.all(path, (req, res) => {
        res.set('Allow', allow);
        throw new ProblemError(
          405,
          'method-not-allowed',
          'Method not allowed',
          `${req.method} is not allowed on this route; allowed: ${allow}.`,
        );
      });
    }
  }

  add<Params = Record<string, never>, Query = Record<string, never>, Body = undefined, Result = unknown>(
    spec: RouteSpec<Params, Query, Body, Result>,
  ): void {
    const openApiPath = spec.path.replace(/:(\w+)/g, '{$1}');
    const statuses = [
      ...new Set([
        400,
        503,
        ...(spec.body || spec.upload ? [413] : []),
        // Any route answers 401 to a bearer key that is not valid (the caller is identified first); only
        // routes with a permission refuse a valid caller (403).
        401,
        ...(spec.permission === 'public' ? [] : [403]),
        ...(spec.errors ?? []),
      ]),
    ];
    this.methodsByPath.set(spec.path, (this.methodsByPath.get(spec.path) ?? new Set()).add(spec.method.toUpperCase()));
    this.registry.registerPath({
      method: spec.method,
      path: `/api${openApiPath}`,
      summary: spec.summary,
      description: spec.description,
      tags: [spec.tag],
      ...(spec.permission === 'public' ? {} : { security: [{ apiKey: [] }, { session: [] }] }),
      'x-entente-permission': spec.permission,
      request: {
        ...(spec.params ? { params: spec.params as never } : {}),
        ...(spec.query ? { query: spec.query as never } : {}),
        ...(spec.body ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
        ...(spec.upload
          ? { body: { required: true, content: { 'multipart/form-data': { schema: spec.upload as never } } } }
          : {}),
      },
      responses: {
        [spec.status ?? 200]: spec.redirect
          ? { description: 'Redirects the browser', headers: { Location: { schema: { type: 'string' } } } }
          : spec.streams
            ? {
                description: spec.streams.description,
                headers: { 'Content-Disposition': { schema: { type: 'string' } } },
                content: Object.fromEntries(
                  spec.streams.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
                ),
              }
            : {
                description: 'Success',
                content: { [spec.contentType ?? 'application/json']: { schema: spec.response } },
              },
        ...Object.fromEntries(
          statuses.map((status) => [
            status,
            {
              description: problemText[status] ?? 'Error',
              content: { 'application/problem+json': { schema: problemSchema } },
            },
          ]),
        ),
      },
    });

    const run: RequestHandler = async (req, res) => {
      const input = {
        params: (spec.params ? await parseIn(spec.params, req.params, 'path') : {}) as Params,
        query: (spec.query ? await parseIn(spec.query, req.query, 'query') : {}) as Query,
        body: (spec.body ? await parseIn(spec.body, requiredBody(req), 'body') : undefined) as Body,
        req,
        res,
      };
      const etag = await this.etagBefore(spec, req, res);
      // The graph has not changed since the client's copy: no read runs.
      if (etag !== undefined && matchesIfNoneMatch(req.get('If-None-Match'), etag)) return sendNotModified(res, etag);
      const result = await spec.handler(input);
      if (spec.redirect) res.redirect(spec.status ?? 302, String(result));
      // A handler that streamed its own answer (an export, server-sent events) has sent it already.
      else if (!spec.streams && !res.headersSent) await sendJson(res, spec.status ?? 200, result, etag);
    };
    this.router[spec.method](spec.path, this.access.authorize(spec.permission), ...(spec.guards ?? []), run);
  }

  /**
   * The ETag of a graph read, from the graph's version read before the handler runs, or undefined: not a
   * graph read, not a GET, or no version to be had. A write committed in between makes the tag name an
   * older graph than the answer's: the next request sees a newer version and gets the full answer again.
   * On a single database the answer is never older than its tag.
   */
  private async etagBefore(
    spec: { cache?: 'graph'; status?: number },
    req: Request,
    res: Response,
  ): Promise<string | undefined> {
    if (spec.cache !== 'graph' || !this.graphState || (spec.status ?? 200) !== 200) return undefined;
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    const graphVersion = await this.graphState();
    if (graphVersion === null) return undefined;
    const caller = callerOf(res);
    return requestEtag({
      graphVersion,
      url: req.originalUrl,
      role: `${caller.kind}:${caller.role ?? ''}`,
      scopes: caller.scopes,
      instance: this.instance,
    });
  }
}

/** The JSON body a route declares; a request without one is refused like any other bad input. */
function requiredBody(req: Request): unknown {
  if (req.body === undefined) {
    throw ProblemError.badRequest('body: a JSON body is required (Content-Type: application/json)', [
      { location: 'body', message: 'required' },
    ]);
  }
  return req.body;
}

async function parseIn<T>(schema: z.ZodType<T>, value: unknown, where: string): Promise<T> {
  const result = await schema.safeParseAsync(value);
  if (result.success) return result.data;
  throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [where, ...issue.path] })));
}

/** A comma-separated list in a query string (`types=A,B`), as an array of non-empty names. */
export const commaList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .openapi({ type: 'string', description: 'Comma-separated list' });

/**
 * A whole number in a query string, within bounds. Digits only: an empty `skip=` or `limit=1.5e2` is a 400,
 * never read as 0 or 150 (which `z.coerce.number()` would do). `beyond`: the way around the upper bound,
 * said in the problem of a request over it.
 */
export function queryInteger(min: number, max: number, beyond?: string) {
  return z
    .string()
    .regex(/^\d{1,16}$/, 'must be a whole number')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min)
        .max(max, beyond === undefined ? undefined : `at most ${max.toLocaleString('en')}; ${beyond}`),
    )
    .openapi({ type: 'integer', minimum: min, maximum: max });
}

/** What a page's `limit` over its bound says to do instead. */
export const pageOnWithCursor = 'page on with `cursor` (each page gives the next one as `next`)';

const maxParameterDepth = 32;
const maxParameterValues = 100_000;

/** Depth and number of values of a parsed JSON value, walked without recursion (no stack to overflow). */
function jsonShape(value: unknown): { depth: number; values: number } {
  let depth = 0;
  let values = 0;
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [item, level] = pending.pop()!;
    values += 1;
    depth = Math.max(depth, level);
    if (depth > maxParameterDepth || values > maxParameterValues) break;
    if (item && typeof item === 'object') {
      for (const child of Object.values(item)) pending.push([child, level + 1]);
    }
  }
  return { depth, values };
}

/**
 * The body's own entries in an object without a prototype, each a data property: a parameter named
 * `__proto__` (an own key once JSON.parse has read it) stays a parameter.
 */
function ownEntries(value: object): Record<string, unknown> {
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [key, entry] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** Cypher parameters from a JSON body: any values, nested at most 32 deep, at most 100,000 of them. */
export const cypherParameters = z
  .custom<Record<string, unknown>>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'expected an object of parameters',
  )
  .superRefine((parameters, context) => {
    const { depth, values } = jsonShape(parameters);
    if (depth > maxParameterDepth)
      context.addIssue({ code: 'custom', message: `nested more than ${maxParameterDepth} deep` });
    else if (values > maxParameterValues)
      context.addIssue({ code: 'custom', message: `more than ${maxParameterValues} values` });
  })
  .transform(ownEntries)
  .default({})
  .openapi({ type: 'object', additionalProperties: {}, default: {}, description: 'Cypher parameters by name' });
