import { ProblemError } from '../http/problem.js';
import type { SharedCounters } from '../store/counters.js';
import { loadSql, type Store } from '../store/store.js';
import { verifyPassword } from './passwords.js';
import { isRole } from './roles.js';
import type { SessionUser } from './sessions.js';

const sql = loadSql('users/credentials');

const windowMs = 15 * 60_000;
/** Failed sign-ins allowed per account and per client address in 15 minutes, counted by every instance. */
export const loginLimits = { perAccount: 10, perClient: 50 } as const;

function throttled(): ProblemError {
  return new ProblemError(
    429,
    'sign-in-throttled',
    'Too many failed sign-ins',
    'Too many failed sign-ins for this account or from this address; wait 15 minutes and try again.',
  );
}

/** Checks a user name and password; unknown users and wrong passwords get the same answer in the same time. */
export async function checkPassword(
  store: Store,
  counters: SharedCounters,
  username: string,
  password: string,
  client: string,
): Promise<SessionUser> {
  const accountKey = `sign-in:account:${username.normalize('NFC').toLowerCase()}`;
  const clientKey = `sign-in:client:${client}`;
  const [accountFailures, clientFailures] = await Promise.all([
    counters.peek(accountKey, windowMs),
    counters.peek(clientKey, windowMs),
  ]);
  if (accountFailures >= loginLimits.perAccount || clientFailures >= loginLimits.perClient) throw throttled();

  const [row] = await store.rows<{
    id: string;
    username: string;
    role: string;
    disabled: boolean;
    password_hash: string | null;
  }>(sql['users/credentials'], [username]);
  const matches = await verifyPassword(password, row?.password_hash);
  if (!row || !matches || row.disabled || !isRole(row.role)) {
    await Promise.all([counters.hit(accountKey, windowMs), counters.hit(clientKey, windowMs)]);
    throw new ProblemError(401, 'sign-in-failed', 'Sign-in failed', 'The user name or the password is wrong.');
  }
  await counters.reset(accountKey);
  return { id: row.id, username: row.username, role: row.role };
}
