import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { callerOf } from '../accounts/caller.js';
import { SharedRateLimitStore, type SharedCounters } from '../store/counters.js';
import { ProblemError, sendProblem } from './problem.js';

/**
 * A request budget per caller (an account, or an address when not signed in) for expensive routes, counted
 * in the store so that every instance draws on the same budget. One guard made here and given to several
 * routes makes them share one budget (the console and saved-query runs).
 */
export function perCallerRateLimit(perMinute: number, counters: SharedCounters, bucket: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new SharedRateLimitStore(counters, `rate:${bucket}:`),
    keyGenerator: (req, res) => {
      const caller = callerOf(res);
      return caller.userId ? `user:${caller.userId}` : `client:${caller.client || req.ip}`;
    },
    // The key is the account where there is one; the address check would only warn about IPv6 subnets.
    validate: { keyGeneratorIpFallback: false },
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
