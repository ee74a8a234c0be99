import type { Request, Response } from 'express';
import { audit } from '../audit/audit.queries.js';
import { loadSql, type Store } from '../store/store.js';
import { clientOf, type Caller } from './caller.js';
import { isRole, scopesOfRole, type Role } from './roles.js';
import { newSecret, secretHash } from './tokens.js';

const sql = loadSql(
  'sessions/create',
  'sessions/find',
  'sessions/touch',
  'sessions/delete',
  'sessions/list',
  'sessions/revoke',
  'sessions/revoke-user',
  'sessions/purge-expired',
);

export const sessionCookie = 'entente_session';

export type SessionVia = 'password' | 'oidc' | 'link';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
}

interface SessionRow extends Record<string, unknown> {
  csrf_token: string;
  via: SessionVia;
  user_id: string;
  username: string;
  role: string;
}

/** Server-side sessions: the cookie holds a random secret, the store only its hash. */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly ttlHours: number,
  ) {}

  /**
   * Starts a session for `user`, replacing the one the request came with (so a session id planted before
   * sign-in is worth nothing after it), and sets the cookie. Audited in the same transaction. Returns the
   * caller the new session makes.
   */
  async start(req: Request, res: Response, user: SessionUser, via: SessionVia): Promise<Caller> {
    const secret = newSecret();
    const csrfToken = newSecret();
    const previous: unknown = req.cookies?.[sessionCookie];
    const caller: Caller = {
      kind: 'user',
      userId: user.id,
      name: user.username,
      role: user.role,
      scopes: new Set(scopesOfRole[user.role]),
      session: { idHash: secretHash(secret), csrfToken, via },
      client: clientOf(req),
    };
    await this.store.transaction(async (tx) => {
      if (typeof previous === 'string') await tx.rows(sql['sessions/delete'], [secretHash(previous)]);
      await tx.rows(sql['sessions/create'], [
        caller.session!.idHash,
        user.id,
        csrfToken,
        via,
        this.ttlHours,
        (req.get('user-agent') ?? '').slice(0, 300),
        clientOf(req),
      ]);
      await audit(tx, caller, { action: 'session.start', targetType: 'user', targetId: user.id, after: { via } });
    });
    res.cookie(sessionCookie, secret, {
      httpOnly: true,
      secure: req.secure,
      // Lax, not Strict: a single sign-on provider's redirect back must carry the cookie of the new session.
      sameSite: 'lax',
      path: '/',
      maxAge: this.ttlHours * 3_600_000,
    });
    return caller;
  }

  /** The session behind a cookie's secret, or undefined when it is unknown, expired or its user disabled. */
  async find(secret: string): Promise<(NonNullable<Caller['session']> & { user: SessionUser }) | undefined> {
    const idHash = secretHash(secret);
    const [row] = await this.store.rows<SessionRow>(sql['sessions/find'], [idHash]);
    if (!row || !isRole(row.role)) return undefined;
    await this.store.rows(sql['sessions/touch'], [idHash]);
    return {
      idHash,
      csrfToken: row.csrf_token,
      via: row.via,
      user: { id: row.user_id, username: row.username, role: row.role },
    };
  }

  async end(caller: Caller, res: Response): Promise<void> {
    res.clearCookie(sessionCookie, { path: '/' });
    if (!caller.session) return;
    await this.store.transaction(async (tx) => {
      await tx.rows(sql['sessions/delete'], [caller.session!.idHash]);
      await audit(tx, caller, { action: 'session.end', targetType: 'user', targetId: caller.userId });
    });
  }

  /** Sessions that have not expired: one user's, or everyone's when `userId` is undefined. */
  async list(userId: string | undefined, current?: Buffer) {
    const rows = await this.store.rows<{
      id: string;
      user_id: string;
      username: string;
      via: SessionVia;
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
      user_agent: string;
      client: string;
    }>(sql['sessions/list'], [userId ?? null]);
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      username: row.username,
      via: row.via,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      userAgent: row.user_agent,
      client: row.client,
      current: current?.toString('hex') === row.id,
    }));
  }

  /** Revokes one session; `ownerId` limits it to that user's own. False when there was none. */
  async revoke(caller: Caller, id: string, ownerId: string | undefined): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const [row] = await tx.rows<{ user_id: string }>(sql['sessions/revoke'], [id, ownerId ?? null]);
      if (!row) return false;
      await audit(tx, caller, { action: 'session.revoke', targetType: 'user', targetId: row.user_id });
      return true;
    });
  }

  purgeExpired(): Promise<unknown> {
    return this.store.rows(sql['sessions/purge-expired']);
  }
}

/** Ends a user's other sessions (after a password change) or all of them (disabled), inside `tx`. */
export const revokeUserSessionsSql = sql['sessions/revoke-user'];
