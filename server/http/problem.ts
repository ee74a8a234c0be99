import type { ErrorRequestHandler, RequestHandler } from 'express';
import { STATUS_CODES, type Server } from 'node:http';
import { Neo4jError, isRetryableError } from 'neo4j-driver';
import { ZodError } from 'zod';
import type { Logger } from '../logger.js';
import { DatabaseBusyError, DatabaseUnansweredError } from '../neo4j/database.js';
import { StoreUnavailableError, UnstorableTextError } from '../store/store.js';

export interface FieldError {
  /** Where the bad value was: `query.limit`, `body.ids.3`, … */
  location: string;
  message: string;
}

/**
 * The one error type of the API. Rendered as RFC 9457 problem details; `type` is a stable slug under
 * /problems/ so clients can branch on it without parsing `title`.
 */
export class ProblemError extends Error {
  override name = 'ProblemError';

  /** Extra members of the problem object (RFC 9457 extensions), such as a syntax error's position. */
  extensions: Record<string, unknown> = {};

  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
  }

  with(extensions: Record<string, unknown>): this {
    this.extensions = { ...this.extensions, ...extensions };
    return this;
  }

  static badRequest(detail: string, errors?: FieldError[]) {
    return new ProblemError(400, 'bad-request', 'Bad request', detail, errors);
  }

  static notFound(detail: string) {
    return new ProblemError(404, 'not-found', 'Not found', detail);
  }

  static unavailable(detail: string) {
    return new ProblemError(503, 'database-unavailable', 'Database unavailable', detail);
  }

  /**
   * The one 409 of optimistic versions (`/problems/stale-version`): `given` is the version the caller read,
   * `current` the stored one. Every store-backed resource with versions throws this, so clients branch once.
   */
  static staleVersion(id: string, current: number, given: number) {
    return new ProblemError(
      409,
      'stale-version',
      'Stale version',
      `"${id}" is at version ${current}, not ${given}.`,
    ).with({ currentVersion: current });
  }
}

function fromZod(error: ZodError): ProblemError {
  const errors = error.issues.map((issue) => ({ location: issue.path.join('.'), message: issue.message }));
  const first = errors[0];
  return ProblemError.badRequest(first ? `${first.location}: ${first.message}` : 'Invalid request', errors);
}

/** Maps driver failures by Neo4j status code, never by message text. */
function fromNeo4j(error: Neo4jError): ProblemError {
  const code = error.code ?? '';
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new ProblemError(504, 'query-timeout', 'Query timed out', 'The query ran longer than the server allows.');
  }
  // Neo4j's memory limit for transactions, or the heap itself running out on this query's thread (the
  // database goes on serving): either way the query asked for too much, like a result over the value cap.
  if (
    code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' ||
    code === 'Neo.TransientError.General.OutOfMemoryError'
  ) {
    return new ProblemError(
      413,
      'query-memory',
      'Query too large',
      'The query needs more memory than one query may use; return less or aggregate in smaller steps.',
    );
  }
  // 'N/A': an error the driver raised itself, without the server (a connection it could not get or keep).
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || code === 'N/A' || isRetryableError(error)) {
    return ProblemError.unavailable('Neo4j is not answering; try again shortly.');
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new ProblemError(403, 'forbidden', 'Forbidden', 'The database refused this operation to Entente.');
  }
  if (code.startsWith('Neo.ClientError.')) {
    return ProblemError.badRequest(error.message.split('\n')[0] ?? error.message);
  }
  return new ProblemError(500, 'database-error', 'Database error', `Neo4j failed with ${code || 'an unknown error'}.`);
}

/**
 * Errors raised by Express's own middleware and router with a 4xx status: the body parser's http-errors,
 * and the router's URIError for a path segment that is not valid percent-encoding.
 */
function fromHttpError(error: Error & { status: number; type?: string; limit?: number }): ProblemError {
  if (error.status === 413) {
    const limit = `${Math.round((error.limit ?? 1 << 20) / (1 << 20))} MB`;
    return new ProblemError(413, 'body-too-large', 'Body too large', `The request body is larger than ${limit}.`);
  }
  if (error.type === 'entity.parse.failed') return ProblemError.badRequest('The request body is not valid JSON.');
  if (error instanceof URIError) {
    return ProblemError.badRequest('A path segment of the URL is not valid percent-encoded UTF-8.');
  }
  return new ProblemError(error.status, 'bad-request', STATUS_CODES[error.status] ?? 'Bad request', error.message);
}

function isHttpError(error: unknown): error is Error & { status: number; type?: string } {
  return (
    error instanceof Error &&
    'status' in error &&
    typeof error.status === 'number' &&
    error.status >= 400 &&
    error.status < 500
  );
}

export function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof ZodError) return fromZod(error);
  if (error instanceof Neo4jError) return fromNeo4j(error);
  if (error instanceof DatabaseBusyError)
    return ProblemError.unavailable('Neo4j is busy with other requests; try again shortly.');
  if (error instanceof DatabaseUnansweredError)
    return ProblemError.unavailable(`${error.message}: it may be starting or recovering; try again shortly.`);
  if (error instanceof StoreUnavailableError) {
    return new ProblemError(
      503,
      'store-unavailable',
      'Store unavailable',
      'Entente’s own store is not answering; try again shortly.',
    );
  }
  if (error instanceof UnstorableTextError) {
    return ProblemError.badRequest(
      'The request holds text that cannot be stored: a NUL character (\\u0000) or an unpaired surrogate.',
    );
  }
  if (isHttpError(error)) return fromHttpError(error);
  return new ProblemError(500, 'internal', 'Internal error', 'Something went wrong on the server.');
}

/** Seconds a client should wait before retrying while the database is unavailable. */
const retryAfterSeconds = 5;

export function sendProblem(res: Parameters<RequestHandler>[1], problem: ProblemError) {
  if (problem.status === 503) res.set('Retry-After', String(retryAfterSeconds));
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `/problems/${problem.slug}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors ? { errors: problem.errors } : {}),
      ...problem.extensions,
    });
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const problem = toProblem(error);
    if (problem.status >= 500) logger.error({ err: error }, problem.detail);
    sendProblem(res, problem);
  };
}

/** Node 20 reports a request whose headers or body did not arrive in time with this code. */
const timedOut = new Set(['ERR_HTTP_REQUEST_TIMEOUT', 'HPE_HEADER_TIMEOUT']);

/**
 * Requests Node refuses before Express sees them (a URL or headers over its 16 KB limit: 431; headers
 * or a body that did not arrive in time: 408; a malformed request: 400) get a problem+json body like
 * every other error.
 */
export function attachClientErrorHandler(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : timedOut.has(error.code ?? '') ? 408 : 400;
    const { slug, detail } = {
      431: { slug: 'headers-too-large', detail: 'The URL or the headers are larger than the server accepts (16 KB).' },
      408: { slug: 'request-timeout', detail: 'The request did not arrive in time; send it whole, promptly.' },
      400: { slug: 'bad-request', detail: 'The request is not valid HTTP.' },
    }[status];
    const body = JSON.stringify({ type: `/problems/${slug}`, title: STATUS_CODES[status], status, detail });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

export const apiNotFound: RequestHandler = (req) => {
  throw ProblemError.notFound(`No API route for ${req.method} ${req.path}.`);
};
