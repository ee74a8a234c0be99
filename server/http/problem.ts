import type { ErrorRequestHandler, RequestHandler } from 'express';
import { Neo4jError, isRetryableError } from 'neo4j-driver';
import { ZodError } from 'zod';
import type { Logger } from '../logger.js';

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

  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
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
}

function fromZod(error: ZodError): ProblemError {
  const errors = error.issues.map((issue) => ({ location: issue.path.join('.'), message: issue.message }));
  const first = errors[0];
  return ProblemError.badRequest(first ? `${first.location}: ${first.message}` : 'Invalid request', errors);
}

/** Maps driver failures by Neo4j status code, never by message text. */
function fromNeo4j(error: Neo4jError): ProblemError {
  const code = error.code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || isRetryableError(error)) {
    return ProblemError.unavailable('Neo4j is not answering; try again shortly.');
  }
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new ProblemError(504, 'query-timeout', 'Query timed out', 'The query ran longer than the server allows.');
  }
  if (code.startsWith('Neo.ClientError.Statement.')) {
    return ProblemError.badRequest(error.message);
  }
  return new ProblemError(500, 'database-error', 'Database error', `Neo4j failed with ${code || 'an unknown error'}.`);
}

export function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof ZodError) return fromZod(error);
  if (error instanceof Neo4jError) return fromNeo4j(error);
  if (error instanceof SyntaxError && 'status' in error && error.status === 400) {
    return ProblemError.badRequest('The request body is not valid JSON.');
  }
  return new ProblemError(500, 'internal', 'Internal error', 'Something went wrong on the server.');
}

export function sendProblem(res: Parameters<RequestHandler>[1], problem: ProblemError) {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `/problems/${problem.slug}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors ? { errors: problem.errors } : {}),
    });
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, _req, res, _next) => {
    const problem = toProblem(error);
    if (problem.status >= 500) logger.error({ err: error }, problem.detail);
    sendProblem(res, problem);
  };
}

export const apiNotFound: RequestHandler = (req) => {
  throw ProblemError.notFound(`No API route for ${req.method} ${req.path}.`);
};
