import { randomBytes, timingSafeEqual } from 'node:crypto';
import { audit } from '../audit/audit.queries.js';
import { loadSql, type Store } from '../store/store.js';
import type { Caller } from './caller.js';
import { isRole, scopesOfRole, type Scope } from './roles.js';
import { newSecret, secretHash } from './tokens.js';

const sql = loadSql('keys/create', 'keys/find', 'keys/touch', 'keys/list', 'keys/revoke');

/** `ent_<prefix>_<secret>`: the prefix finds the row, the secret is compared with its stored hash. */
const keyPattern = /^ent_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

interface KeyRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  username: string;
  name: string;
  prefix: string;
  scopes: string[];
  expires_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
  revoked_at: Date | null;
}

function toApi(row: KeyRow) {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    name: row.name,
    prefix: `ent_${row.prefix}`,
    scopes: row.scopes as Scope[],
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

export type ApiKey = ReturnType<typeof toApi>;

export class KeyRejected extends Error {
  override name = 'KeyRejected';
}

/** API keys: shown once at creation, stored hashed, scoped, expiring and revocable. */
export class ApiKeys {
  constructor(private readonly store: Store) {}

  async create(
    caller: Caller,
    fields: { name: string; scopes: Scope[]; expiresAt: Date | undefined },
  ): Promise<ApiKey & { key: string }> {
    const prefix = randomBytes(9).toString('base64url');
    const secret = newSecret();
    return this.store.transaction(async (tx) => {
      const [row] = await tx.rows<KeyRow>(sql['keys/create'], [
        caller.userId,
        fields.name,
        prefix,
        secretHash(secret),
        fields.scopes,
        fields.expiresAt ?? null,
      ]);
      const created = toApi({ ...row!, username: caller.name, revoked_at: null });
      await audit(tx, caller, { action: 'key.create', targetType: 'key', targetId: created.id, after: created });
      return { ...created, key: `ent_${prefix}_${secret}` };
    });
  }

  /**
   * The caller a bearer key stands for, with the key's scopes that its owner's role still holds; throws
   * KeyRejected for a malformed, unknown, revoked or expired key, or one whose owner is disabled.
   */
  async authenticate(token: string, client: string): Promise<Caller> {
    const match = keyPattern.exec(token);
    const [row] = match
      ? await this.store.rows<{
          id: string;
          secret_hash: Buffer;
          scopes: string[];
          expires_at: Date | null;
          revoked_at: Date | null;
          user_id: string;
          username: string;
          role: string;
          disabled: boolean;
        }>(sql['keys/find'], [match[1]])
      : [];
    const given = secretHash(match?.[2] ?? '');
    if (!row || !timingSafeEqual(given, row.secret_hash)) throw new KeyRejected('The API key is not valid.');
    if (row.revoked_at) throw new KeyRejected('The API key was revoked.');
    if (row.expires_at && row.expires_at <= new Date()) throw new KeyRejected('The API key has expired.');
    if (row.disabled || !isRole(row.role)) throw new KeyRejected('The API key’s owner is disabled.');
    await this.store.rows(sql['keys/touch'], [row.id]);
    const held = new Set<Scope>(scopesOfRole[row.role]);
    return {
      kind: 'key',
      userId: row.user_id,
      name: row.username,
      role: row.role,
      scopes: new Set((row.scopes as Scope[]).filter((scope) => held.has(scope))),
      keyId: row.id,
      client,
    };
  }

  async list(userId: string | undefined): Promise<ApiKey[]> {
    return (await this.store.rows<KeyRow>(sql['keys/list'], [userId ?? null])).map(toApi);
  }

  /** Revokes a key; `ownerId` limits it to that user's own. False when there was no such live key. */
  async revoke(caller: Caller, id: string, ownerId: string | undefined): Promise<boolean> {
    return this.store.transaction(async (tx) => {
      const [row] = await tx.rows<KeyRow>(sql['keys/revoke'], [id, ownerId ?? null]);
      if (!row) return false;
      await audit(tx, caller, { action: 'key.revoke', targetType: 'key', targetId: id, before: { name: row.name } });
      return true;
    });
  }
}
