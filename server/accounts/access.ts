import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ProblemError } from '../http/problem.js';
import { anonymous, callerOf, clientOf, localAdmin, type Caller } from './caller.js';
import { KeyRejected, type ApiKeys } from './keys.js';
import { scopesOfRole, type Permission } from './roles.js';
import { sessionCookie, type Sessions } from './sessions.js';
import type { SettingsStore } from './settings.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const csrfHeader = 'x-csrf-token';

export interface AccessOptions {
  /** Off: single-user mode, every caller is the local admin. */
  enabled: boolean;
  corsOrigins: string[];
  publicUrl: string | undefined;
}

function equalSecrets(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one place that answers "who is this caller, and may they do this": `identify` derives the caller from
 * a key, a session cookie or the mode; `authorize(permission)` runs before every route.
 */
export class Access {
  constructor(
    private readonly options: AccessOptions,
    private readonly sessions: Sessions,
    private readonly keys: ApiKeys,
    private readonly settings: SettingsStore,
  ) {}

  get enabled(): boolean {
    return this.options.enabled;
  }

  identify(): RequestHandler {
    return async (req, res, next) => {
      this.refuseCrossOrigin(req);
      try {
        res.locals.caller = await this.callerFor(req);
      } catch (error) {
        // RFC 6750: a refused bearer token is named as such.
        if (error instanceof ProblemError && error.slug === 'invalid-key') {
          res.set('WWW-Authenticate', 'Bearer realm="entente", error="invalid_token"');
        }
        throw error;
      }
      next();
    };
  }

  authorize(permission: Permission): RequestHandler {
    return (req, res, next) => {
      if (permission === 'public') return next();
      const caller = callerOf(res);
      if (caller.session && unsafeMethods.has(req.method)) this.checkCsrf(req, caller);
      const signedInPerson = caller.kind === 'user' || caller.kind === 'local';
      if (permission === 'signed-in' ? signedInPerson : caller.scopes.has(permission)) return next();
      if (caller.kind === 'anonymous') {
        res.set('WWW-Authenticate', 'Bearer realm="entente"');
        throw new ProblemError(
          401,
          'unauthenticated',
          'Sign-in required',
          'Sign in (POST /api/session) or send an API key as Authorization: Bearer.',
        );
      }
      throw new ProblemError(
        403,
        'not-permitted',
        'Not permitted',
        permission === 'signed-in'
          ? 'This route is for a signed-in person (a session), not an API key.'
          : caller.kind === 'key'
            ? `This API key does not carry the scope "${permission}" (or its owner's role no longer holds it).`
            : `The role ${caller.role} does not allow this (it needs "${permission}").`,
      );
    };
  }

  private async callerFor(req: Request): Promise<Caller> {
    if (!this.options.enabled) return localAdmin(req);
    const bearer = /^Bearer +(\S+) *$/i.exec(req.get('authorization') ?? '')?.[1];
    if (req.get('authorization') !== undefined) {
      try {
        if (!bearer) throw new KeyRejected('The Authorization header must be "Bearer <API key>".');
        return await this.keys.authenticate(bearer, clientOf(req));
      } catch (error) {
        if (!(error instanceof KeyRejected)) throw error;
        throw new ProblemError(401, 'invalid-key', 'Invalid API key', error.message);
      }
    }
    const secret: unknown = req.cookies?.[sessionCookie];
    if (typeof secret === 'string') {
      const session = await this.sessions.find(secret);
      if (session) {
        const { user, ...rest } = session;
        return {
          kind: 'user',
          userId: user.id,
          name: user.username,
          role: user.role,
          scopes: new Set(scopesOfRole[user.role]),
          session: rest,
          client: clientOf(req),
        };
      }
    }
    const { anonymousRead } = await this.settings.current();
    return anonymous(req, anonymousRead ? ['read'] : []);
  }

  /** A cookie-authenticated write must carry the session's CSRF token, which another origin cannot read. */
  private checkCsrf(req: Request, caller: Caller): void {
    const given = req.get(csrfHeader) ?? '';
    if (!equalSecrets(given, caller.session!.csrfToken)) {
      throw new ProblemError(
        403,
        'csrf',
        'Missing or wrong CSRF token',
        `A write signed in by cookie needs the ${csrfHeader} header with the token from GET /api/me.`,
      );
    }
  }

  /** Writes sent by a browser from another origin are refused whatever they carry (a second layer to CSRF tokens). */
  private refuseCrossOrigin(req: Request): void {
    if (!unsafeMethods.has(req.method)) return;
    const origin = req.get('origin');
    if (origin === undefined) {
      if (req.get('sec-fetch-site') === 'cross-site') throw crossOrigin('(none)');
      return;
    }
    const own = [`${req.protocol}://${req.get('host')}`, this.options.publicUrl, ...this.options.corsOrigins];
    if (!own.some((allowed) => allowed !== undefined && new URL(allowed).origin === origin)) throw crossOrigin(origin);
  }
}

function crossOrigin(origin: string): ProblemError {
  return new ProblemError(
    403,
    'cross-origin',
    'Cross-origin write refused',
    `Writes from ${origin} are refused; add the origin to CORS_ORIGINS to allow it.`,
  );
}
