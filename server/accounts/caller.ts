import type { Request, Response } from 'express';
import { scopesOfRole, type Role, type Scope } from './roles.js';

/** Who is asking, derived on the server from a session, a key or the mode, never from what the client says. */
export interface Caller {
  kind: 'local' | 'user' | 'key' | 'anonymous' | 'system';
  /** The account behind a session or key. */
  userId?: string;
  name: string;
  role?: Role;
  scopes: ReadonlySet<Scope>;
  /** A session's hash and CSRF token, when the caller came with a session cookie. */
  session?: { idHash: Buffer; csrfToken: string; via: 'password' | 'oidc' | 'link' };
  keyId?: string;
  /** The client's address, for the audit log and throttling. */
  client: string;
}

export function clientOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? '';
}

/** Single-user mode: whoever reaches a loopback-only Entente is its admin. */
export function localAdmin(req: Request): Caller {
  return { kind: 'local', name: 'local', role: 'admin', scopes: new Set(scopesOfRole.admin), client: clientOf(req) };
}

export function anonymous(req: Request, scopes: Scope[] = []): Caller {
  return { kind: 'anonymous', name: 'anonymous', scopes: new Set(scopes), client: clientOf(req) };
}

/** Entente itself, for writes it makes on its own (migrations, the first admin). */
export const systemCaller: Caller = { kind: 'system', name: 'entente', scopes: new Set(), client: '' };

export function callerOf(res: Response): Caller {
  const caller = res.locals.caller as Caller | undefined;
  if (!caller) throw new Error('No caller: the identify middleware must run before the routes');
  return caller;
}
