import type { Request } from 'express';
import { z } from 'zod';
import { listAudit } from '../audit/audit.queries.js';
import { cursorParam, nextField } from '../http/cursor.js';
import { ProblemError } from '../http/problem.js';
import { pageOnWithCursor, queryInteger, type ApiRoutes } from '../http/route.js';
import type { Store } from '../store/store.js';
import {
  auditEntrySchema,
  createdKeySchema,
  idParams,
  keyCreateBody,
  keySchema,
  linkBody,
  linkSchema,
  meSchema,
  passwordChangeBody,
  sessionSchema,
  settingsBody,
  settingsResponse,
  signInBody,
  userChangeBody,
  userCreateBody,
  userSchema,
} from './accounts.schemas.js';
import type { Accounts } from './accounts.js';
import { callerOf, type Caller } from './caller.js';
import { callbackPath, type OidcSignIn } from './oidc.js';
import { checkPassword } from './sign-in.js';

function accountsOff(): ProblemError {
  return new ProblemError(
    409,
    'accounts-off',
    'Accounts are off',
    'Entente runs in single-user mode; start it with ENTENTE_AUTH=on to sign in.',
  );
}

function me(caller: Caller, accounts: Accounts, oidc: boolean) {
  const signedIn = caller.kind === 'user' || caller.kind === 'key' || caller.kind === 'local';
  return {
    username: signedIn ? caller.name : null,
    role: caller.role ?? null,
    mode: accounts.access.enabled ? ('accounts' as const) : ('single-user' as const),
    scopes: [...caller.scopes],
    via:
      caller.kind === 'key'
        ? ('key' as const)
        : caller.kind === 'local'
          ? ('local' as const)
          : (caller.session?.via ?? null),
    csrfToken: caller.session?.csrfToken ?? null,
    signIn: { password: accounts.access.enabled, oidc },
  };
}

/** The site's own address as the browser sees it: PUBLIC_URL, else the request's scheme and host. */
function siteUrl(req: Request, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`;
}

/** Whose things a caller may act on: an admin anyone's (undefined), anyone else only their own. */
function ownerScope(caller: Caller): string | undefined {
  if (caller.scopes.has('admin')) return undefined;
  if (!caller.userId)
    throw new ProblemError(403, 'not-permitted', 'Not permitted', 'Only signed-in users own sessions and keys.');
  return caller.userId;
}

function notFound(what: string, id: string): ProblemError {
  return ProblemError.notFound(`No ${what} has the id "${id}".`);
}

/** Sign-in, the caller's own account, users, sessions, API keys, settings and the audit log. */
export function accountRoutes(
  api: ApiRoutes,
  accounts: Accounts,
  store: Store,
  oidc: OidcSignIn | undefined,
  publicUrl: string | undefined,
) {
  const { access, sessions, users, keys, settings, counters } = accounts;
  const requireAccounts = () => {
    if (!access.enabled) throw accountsOff();
  };

  api.add({
    method: 'get',
    path: '/me',
    tag: 'Accounts',
    permission: 'public',
    summary: 'Who the caller is: user name, role, scopes, and the CSRF token of a cookie session',
    response: meSchema,
    handler: ({ res }) => Promise.resolve(me(callerOf(res), accounts, oidc !== undefined)),
  });

  api.add({
    method: 'post',
    path: '/session',
    tag: 'Accounts',
    permission: 'public',
    summary: 'Sign in with a user name and password (sets the session cookie)',
    description:
      'A wrong password and an unknown user get the same 401. Failed sign-ins are limited per account and per ' +
      'client address (429), counted across every instance.',
    body: signInBody,
    response: meSchema,
    errors: [401, 409, 429],
    handler: async ({ body, req, res }) => {
      requireAccounts();
      const caller = callerOf(res);
      const user = await checkPassword(store, counters, body.username, body.password, caller.client);
      return me(await sessions.start(req, res, user, 'password'), accounts, oidc !== undefined);
    },
  });

  api.add({
    method: 'post',
    path: '/session/link',
    tag: 'Accounts',
    permission: 'public',
    summary: 'Sign in once with a one-time link’s token (then set a password)',
    body: linkBody,
    response: meSchema,
    errors: [401, 409],
    handler: async ({ body, req, res }) => {
      requireAccounts();
      const found = await users.consumeLink(body.token);
      if (!found)
        throw new ProblemError(401, 'link-invalid', 'Link not valid', 'This link is unknown, used or expired.');
      return me(await sessions.start(req, res, found.user, 'link'), accounts, oidc !== undefined);
    },
  });

  api.add({
    method: 'delete',
    path: '/session',
    tag: 'Accounts',
    permission: 'signed-in',
    summary: 'Sign out (ends this session everywhere)',
    response: z.object({ signedOut: z.literal(true) }),
    handler: async ({ res }) => {
      await sessions.end(callerOf(res), res);
      return { signedOut: true as const };
    },
  });

  api.add({
    method: 'put',
    path: '/me/password',
    tag: 'Accounts',
    permission: 'signed-in',
    summary: 'Change your own password (ends your other sessions)',
    description: 'The current password is needed, except in a session opened by a one-time link.',
    body: passwordChangeBody,
    response: userSchema,
    errors: [401, 409],
    handler: async ({ body, res }) => {
      const caller = callerOf(res);
      if (caller.kind !== 'user' || !caller.userId) throw accountsOff();
      if (caller.session?.via !== 'link') {
        if (!(await users.passwordMatches(caller.userId, body.currentPassword ?? ''))) {
          throw new ProblemError(401, 'sign-in-failed', 'Wrong password', 'The current password is wrong.');
        }
      }
      const updated = await users.update(caller, caller.userId, { password: body.newPassword }, caller.session?.idHash);
      if (!updated) throw notFound('user', caller.userId);
      return updated;
    },
  });

  api.add({
    method: 'get',
    path: '/sessions',
    tag: 'Accounts',
    permission: 'signed-in',
    summary: 'Your sessions (an admin: everyone’s, with all=true)',
    query: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
    response: z.object({ sessions: z.array(sessionSchema) }),
    handler: async ({ query, res }) => {
      const caller = callerOf(res);
      const everyone = query.all === 'true' && caller.scopes.has('admin');
      if (!everyone && !caller.userId) return { sessions: [] };
      return { sessions: await sessions.list(everyone ? undefined : caller.userId, caller.session?.idHash) };
    },
  });

  api.add({
    method: 'delete',
    path: '/sessions/:id',
    tag: 'Accounts',
    permission: 'signed-in',
    summary: 'Revoke a session (yours; an admin: anyone’s)',
    params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a session id from GET /api/sessions') }),
    response: z.object({ revoked: z.literal(true) }),
    errors: [404],
    handler: async ({ params, res }) => {
      const caller = callerOf(res);
      if (!(await sessions.revoke(caller, params.id, ownerScope(caller)))) {
        throw notFound('session', params.id);
      }
      return { revoked: true as const };
    },
  });

  api.add({
    method: 'get',
    path: '/users',
    tag: 'Users',
    permission: 'admin',
    summary: 'Every user with their role',
    response: z.object({ users: z.array(userSchema) }),
    handler: async () => ({ users: await users.list() }),
  });

  api.add({
    method: 'post',
    path: '/users',
    tag: 'Users',
    permission: 'admin',
    summary: 'Create a user (without a password: hand them a one-time link)',
    body: userCreateBody,
    status: 201,
    response: userSchema,
    errors: [409],
    handler: async ({ body, res }) => {
      const created = await users.create(callerOf(res), {
        username: body.username,
        password: body.password,
        role: body.role,
      });
      if (!created)
        throw new ProblemError(409, 'exists', 'Already exists', `A user "${body.username}" already exists.`);
      return created;
    },
  });

  api.add({
    method: 'patch',
    path: '/users/:id',
    tag: 'Users',
    permission: 'admin',
    summary: 'Change a user’s role, password or disabled state',
    description: 'A change that would leave no active admin is a 409. A new password or disabling ends their sessions.',
    params: idParams,
    body: userChangeBody,
    response: userSchema,
    errors: [404, 409],
    handler: async ({ params, body, res }) => {
      const updated = await users.update(callerOf(res), params.id, body);
      if (!updated) throw notFound('user', params.id);
      return updated;
    },
  });

  api.add({
    method: 'delete',
    path: '/users/:id',
    tag: 'Users',
    permission: 'admin',
    summary: 'Delete a user with their sessions and keys',
    params: idParams,
    response: z.object({ deleted: z.literal(true) }),
    errors: [404, 409],
    handler: async ({ params, res }) => {
      if (!(await users.delete(callerOf(res), params.id))) throw notFound('user', params.id);
      return { deleted: true as const };
    },
  });

  api.add({
    method: 'post',
    path: '/users/:id/reset-link',
    tag: 'Users',
    permission: 'admin',
    summary: 'A one-time link (valid one hour) with which the user signs in once and sets a new password',
    params: idParams,
    response: linkSchema,
    errors: [404],
    handler: async ({ params, req, res }) => {
      if (!(await users.get(params.id))) throw notFound('user', params.id);
      const link = await users.oneTimeLink(callerOf(res), params.id, 'reset');
      return { url: `${siteUrl(req, publicUrl)}/sign-in#link=${link.token}`, expiresAt: link.expiresAt };
    },
  });

  api.add({
    method: 'get',
    path: '/keys',
    tag: 'API keys',
    permission: 'signed-in',
    summary: 'Your API keys (an admin: everyone’s, with all=true); never their secrets',
    query: z.strictObject({ all: z.enum(['true', 'false']).optional() }),
    response: z.object({ keys: z.array(keySchema) }),
    handler: async ({ query, res }) => {
      const caller = callerOf(res);
      const everyone = query.all === 'true' && caller.scopes.has('admin');
      if (!everyone && !caller.userId) return { keys: [] };
      return { keys: await keys.list(everyone ? undefined : caller.userId) };
    },
  });

  api.add({
    method: 'post',
    path: '/keys',
    tag: 'API keys',
    permission: 'signed-in',
    summary: 'Create an API key; the answer holds the key, shown this once',
    description:
      'Scopes must be ones your role holds (403 otherwise). Keys are made in a session, never with another key.',
    body: keyCreateBody,
    status: 201,
    response: createdKeySchema,
    errors: [409],
    handler: async ({ body, res }) => {
      const caller = callerOf(res);
      if (caller.kind !== 'user' || !caller.userId) {
        if (caller.kind === 'local') throw accountsOff();
        throw new ProblemError(
          403,
          'not-permitted',
          'Not permitted',
          'API keys are created by signed-in users, not by other keys.',
        );
      }
      const beyond = body.scopes.filter((scope) => !caller.scopes.has(scope));
      if (beyond.length) {
        throw new ProblemError(
          403,
          'not-permitted',
          'Not permitted',
          `Your role (${caller.role}) does not hold ${beyond.join(', ')}.`,
        );
      }
      const expiresAt = body.expiresAt === undefined ? undefined : new Date(body.expiresAt);
      if (expiresAt && expiresAt <= new Date()) throw ProblemError.badRequest('body.expiresAt: must be in the future');
      return keys.create(caller, { name: body.name, scopes: [...new Set(body.scopes)], expiresAt });
    },
  });

  api.add({
    method: 'delete',
    path: '/keys/:id',
    tag: 'API keys',
    permission: 'signed-in',
    summary: 'Revoke an API key (yours; an admin: anyone’s)',
    params: idParams,
    response: z.object({ revoked: z.literal(true) }),
    errors: [404],
    handler: async ({ params, res }) => {
      const caller = callerOf(res);
      if (!(await keys.revoke(caller, params.id, ownerScope(caller)))) throw notFound('live API key', params.id);
      return { revoked: true as const };
    },
  });

  api.add({
    method: 'get',
    path: '/settings',
    tag: 'Settings',
    permission: 'admin',
    summary: 'Admin settings',
    response: settingsResponse,
    handler: () => settings.current(),
  });

  api.add({
    method: 'put',
    path: '/settings',
    tag: 'Settings',
    permission: 'admin',
    summary:
      'Change admin settings (anonymousRead: whether callers who are not signed in may read the graph; publicLinks: whether investigations may have public read-only links)',
    body: settingsBody,
    response: settingsResponse,
    handler: async ({ body, res }) => settings.update(callerOf(res), body),
  });

  api.add({
    method: 'get',
    path: '/audit',
    tag: 'Audit',
    permission: 'admin',
    summary: 'The audit log, newest first: who did what, when, with before and after',
    query: z.strictObject({
      before: queryInteger(1, Number.MAX_SAFE_INTEGER)
        .optional()
        .openapi({ description: 'Entries older than this id (kept for compatibility: page with `cursor`)' }),
      action: z
        .string()
        .max(100)
        .optional()
        .openapi({ description: 'Actions starting with this, e.g. user. or query.update' }),
      actor: z.string().max(100).optional(),
      limit: queryInteger(1, 500, pageOnWithCursor).default(100),
      cursor: cursorParam.optional(),
    }),
    response: z.object({ entries: z.array(auditEntrySchema), next: nextField.optional() }),
    handler: async ({ query }) => listAudit(store, query),
  });

  if (!oidc) return;

  api.add({
    method: 'get',
    path: '/auth/oidc/login',
    tag: 'Accounts',
    permission: 'public',
    summary: 'Start single sign-on: redirects to the OpenID provider',
    query: z.strictObject({ returnTo: z.string().max(2000).optional() }),
    response: z.string(),
    redirect: true,
    errors: [503],
    handler: async ({ query, req }) => oidc.begin(siteUrl(req, publicUrl), query.returnTo),
  });

  api.add({
    method: 'get',
    path: callbackPath.replace(/^\/api/, ''),
    tag: 'Accounts',
    permission: 'public',
    summary: 'Where the OpenID provider returns: signs in and redirects into the explorer',
    // The provider's answer: its fields are read from the whole URL by the OpenID client, which checks them.
    query: z.looseObject({ state: z.string().max(500).optional(), code: z.string().max(4000).optional() }),
    response: z.string(),
    redirect: true,
    errors: [401, 403],
    handler: async ({ req, res }) => {
      const site = siteUrl(req, publicUrl);
      const { user, returnTo } = await oidc.finish(site, new URL(req.originalUrl, site));
      await sessions.start(req, res, user, 'oidc');
      return returnTo;
    },
  });
}
