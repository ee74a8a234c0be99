import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ProblemError, sendProblem } from './problem.js';

/**
 * Write routes need `Authorization: Bearer <ENTENTE_API_TOKEN>`. With no token configured they are
 * off (403), never open.
 */
export function requireToken(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!token) {
      throw new ProblemError(
        403,
        'writes-disabled',
        'Writes disabled',
        'Set ENTENTE_API_TOKEN on the server to enable write routes.',
      );
    }
    // The scheme name is case-insensitive (RFC 9110 §11.1).
    const given = /^Bearer +(.+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '';
    const expected = Buffer.from(token);
    const actual = Buffer.from(given);
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
      res.set('WWW-Authenticate', given ? 'Bearer realm="entente", error="invalid_token"' : 'Bearer realm="entente"');
      throw new ProblemError(401, 'unauthorized', 'Unauthorized', 'A valid bearer token is required for this route.');
    }
    next();
  };
}

/** Per-client request budget for expensive routes (the Cypher console). */
export function perClientRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) =>
      sendProblem(
        res,
        new ProblemError(
          429,
          'rate-limited',
          'Too many requests',
          `At most ${perMinute} requests a minute; wait and retry.`,
        ),
      ),
  });
}
