import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { systemCaller } from '../../server/accounts/caller.js';
import type { Role, Scope } from '../../server/accounts/roles.js';
import { ApiKeys } from '../../server/accounts/keys.js';
import { scopesOfRole } from '../../server/accounts/roles.js';
import { Users } from '../../server/accounts/users.js';
import { testStore } from './store.js';

export const password = 'a long enough test passphrase';

/** A user name no other test file uses (they share one store). */
export function uniqueName(base: string): string {
  return `${base}-${randomBytes(4).toString('hex')}`;
}

export interface SignedIn {
  agent: ReturnType<typeof request.agent>;
  csrf: string;
  userId: string;
  username: string;
}

/** Makes a user of `role` in the store and signs them in on `app` (the agent keeps the cookie). */
export async function signedIn(app: Express, role: Role, username = uniqueName(role)): Promise<SignedIn> {
  const user = await new Users(testStore()).create(systemCaller, { username, password, role });
  if (!user) throw new Error(`Could not create ${username}`);
  const agent = request.agent(app);
  const response = await agent.post('/api/session').send({ username, password });
  if (response.status !== 200) throw new Error(`Sign-in failed: ${response.status} ${response.text}`);
  return { agent, csrf: (response.body as { csrfToken: string }).csrfToken, userId: user.id, username };
}

/** A user of `role` and a key of theirs with `scopes` (by default all their role holds). */
export async function keyOf(role: Role, scopes: Scope[] = [...scopesOfRole[role]]): Promise<string> {
  const store = testStore();
  const username = uniqueName(`${role}-key`);
  const user = await new Users(store).create(systemCaller, { username, password, role });
  const caller = { ...systemCaller, kind: 'user' as const, userId: user!.id, name: username };
  return (await new ApiKeys(store).create(caller, { name: 'test', scopes, expiresAt: undefined })).key;
}

/** The parts of a key `ent_<prefix>_<secret>`: the prefix and the secret may hold `_` themselves. */
export function keyParts(key: string): { prefix: string; secret: string } {
  const match = /^ent_(.{12})_(.+)$/.exec(key);
  if (!match) throw new Error(`Not an API key: ${key}`);
  return { prefix: match[1]!, secret: match[2]! };
}
