import { audit } from '../audit/audit.queries.js';
import { ProblemError } from '../http/problem.js';
import { loadSql, type Queryable, type Store } from '../store/store.js';
import { systemCaller, type Caller } from './caller.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Role } from './roles.js';
import { revokeUserSessionsSql } from './sessions.js';
import { newSecret, secretHash } from './tokens.js';

const sql = loadSql(
  'users/list',
  'users/get',
  'users/create',
  'users/update',
  'users/delete',
  'users/lock-admins',
  'users/count',
  'links/create',
  'links/consume',
  'users/password-hash',
  'investigations/reassign-owner',
);

interface UserRow extends Record<string, unknown> {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  has_password: boolean;
  single_sign_on: boolean;
  created_at: Date;
  updated_at: Date;
}

function toApi(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    disabled: row.disabled,
    hasPassword: row.has_password,
    singleSignOn: row.single_sign_on,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export type User = ReturnType<typeof toApi>;

export interface UserChange {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

const linkMinutes = { 'sign-in': 24 * 60, reset: 60 } as const;

function lastAdmin(): ProblemError {
  return new ProblemError(
    409,
    'last-admin',
    'Last admin',
    'This would leave Entente without an active admin; make another user admin first.',
  );
}

/** Accounts: every change one transaction with its audit entry, and never one that leaves no admin. */
export class Users {
  constructor(private readonly store: Store) {}

  async list(): Promise<User[]> {
    return (await this.store.rows<UserRow>(sql['users/list'])).map(toApi);
  }

  async get(id: string): Promise<User | undefined> {
    const [row] = await this.store.rows<UserRow>(sql['users/get'], [id]);
    return row && toApi(row);
  }

  async count(): Promise<number> {
    const [row] = await this.store.rows<{ count: number }>(sql['users/count']);
    return row!.count;
  }

  /** Undefined when the name is taken (names are unique without regard to case). */
  async create(
    caller: Caller,
    fields: { username: string; password: string | undefined; role: Role; oidcSubject?: string },
    tx?: Queryable,
  ): Promise<User | undefined> {
    const passwordHash = fields.password === undefined ? null : await hashPassword(fields.password);
    const write = async (db: Queryable) => {
      const [row] = await db.rows<UserRow>(sql['users/create'], [
        fields.username,
        passwordHash,
        fields.role,
        fields.oidcSubject ?? null,
      ]);
      if (!row) return undefined;
      const user = toApi(row);
      await audit(db, caller, { action: 'user.create', targetType: 'user', targetId: user.id, after: user });
      return user;
    };
    return tx ? write(tx) : this.store.transaction(write);
  }

  /** Undefined when there is no such user. */
  async update(caller: Caller, id: string, change: UserChange, keepSession?: Buffer): Promise<User | undefined> {
    const passwordHash = change.password === undefined ? null : await hashPassword(change.password);
    return this.store.transaction(async (tx) => {
      const admins = await tx.rows<{ id: string }>(sql['users/lock-admins']);
      const [before] = await tx.rows<UserRow>(sql['users/get'], [id]);
      if (!before) return undefined;
      const losesAdmin =
        before.role === 'admin' && !before.disabled && (change.disabled || (change.role ?? 'admin') !== 'admin');
      if (losesAdmin && admins.length <= 1) throw lastAdmin();
      const [after] = await tx.rows<UserRow>(sql['users/update'], [
        id,
        change.role ?? null,
        change.disabled ?? null,
        passwordHash,
        null,
      ]);
      // A new password or a disabled account ends the sessions that the old state opened.
      if (change.disabled) await tx.rows(revokeUserSessionsSql, [id, null]);
      else if (passwordHash) await tx.rows(revokeUserSessionsSql, [id, keepSession ?? null]);
      const [old, updated] = [toApi(before), toApi(after!)];
      await audit(tx, caller, {
        action: change.password === undefined ? 'user.update' : 'user.password',
        targetType: 'user',
        targetId: id,
        before: old,
        after: updated,
      });
      return updated;
    });
  }

  /** False when there was no such user. */
  async delete(caller: Caller, id: string): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const admins = await tx.rows<{ id: string }>(sql['users/lock-admins']);
      const [before] = await tx.rows<UserRow>(sql['users/get'], [id]);
      if (!before) return false;
      if (admins.some((admin) => admin.id === id) && admins.length <= 1) throw lastAdmin();
      // Their investigations pass to the admin who removes them (to admins as a group in single-user mode).
      const handedOver = await tx.rows<{ id: string }>(sql['investigations/reassign-owner'], [
        id,
        caller.userId ?? null,
      ]);
      await tx.rows(sql['users/delete'], [id]);
      await audit(tx, caller, {
        action: 'user.delete',
        targetType: 'user',
        targetId: id,
        before: toApi(before),
        ...(handedOver.length ? { after: { investigationsTo: caller.name, investigations: handedOver.length } } : {}),
      });
      return true;
    });
  }

  /** A link that signs the user in once (to set a password): returns its secret and expiry. */
  async oneTimeLink(caller: Caller, userId: string, purpose: 'sign-in' | 'reset') {
    const token = newSecret();
    return this.store.transaction(async (tx) => {
      const [row] = await tx.rows<{ expires_at: Date }>(sql['links/create'], [
        secretHash(token),
        userId,
        purpose,
        linkMinutes[purpose],
      ]);
      await audit(tx, caller, { action: `user.link.${purpose}`, targetType: 'user', targetId: userId });
      return { token, expiresAt: row!.expires_at.toISOString() };
    });
  }

  async passwordMatches(id: string, password: string): Promise<boolean> {
    const [row] = await this.store.rows<{ password_hash: string | null }>(sql['users/password-hash'], [id]);
    return verifyPassword(password, row?.password_hash);
  }

  /** The user a one-time link signs in, once; undefined when it is unknown, used, expired or disabled. */
  async consumeLink(token: string): Promise<{ user: { id: string; username: string; role: Role } } | undefined> {
    const [row] = await this.store.rows<{ user_id: string; username: string; role: Role }>(sql['links/consume'], [
      secretHash(token),
    ]);
    return row && { user: { id: row.user_id, username: row.username, role: row.role } };
  }

  /**
   * The first admin of a store with no users: `admin` with ENTENTE_ADMIN_PASSWORD, or without a password and
   * a one-time sign-in link (returned, for the console). Nothing when users exist; two instances starting
   * together create one admin.
   */
  async ensureFirstAdmin(password: string | undefined): Promise<{ linkToken?: string } | undefined> {
    if ((await this.count()) > 0) return undefined;
    const admin = await this.create(systemCaller, { username: 'admin', password, role: 'admin' });
    if (!admin) return undefined;
    if (password !== undefined) return {};
    return { linkToken: (await this.oneTimeLink(systemCaller, admin.id, 'sign-in')).token };
  }
}
