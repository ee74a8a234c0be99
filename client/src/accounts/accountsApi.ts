// Type-only, as for the graph's shapes: the schemas stay on the server, the client takes their inferred types.
import type {
  ApiKey,
  AuditEntry,
  CreatedApiKey,
  KeyCreateBody,
  Me,
  OneTimeLink,
  Session,
  Settings,
  SettingsBody,
  User,
  UserChangeBody,
  UserCreateBody,
} from '../../../server/accounts/accounts.schemas.js';
import { rememberCsrfToken, request } from '../api/api';

export type { ApiKey, AuditEntry, CreatedApiKey, Me, OneTimeLink, Session, Settings, User };

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** An answer that says who the caller is also carries the session's CSRF token, which later writes send. */
async function identity(answer: Promise<Me>): Promise<Me> {
  const me = await answer;
  rememberCsrfToken(me.csrfToken);
  return me;
}

export interface AuditFilter {
  limit?: number;
  before?: number;
  action?: string;
}

function auditSearch({ limit, before, action }: AuditFilter): string {
  const search = new URLSearchParams();
  if (limit) search.set('limit', String(limit));
  if (before) search.set('before', String(before));
  if (action) search.set('action', action);
  return search.toString();
}

const id = (value: string) => encodeURIComponent(value);

/** Sign-in, the caller's own account, and (for admins) users, settings and the audit log. */
export const accountsApi = {
  me: () => identity(request<Me>('/me')),
  signIn: (username: string, password: string) =>
    identity(request<Me>('/session', json('POST', { username, password }))),
  signInWithLink: (token: string) => identity(request<Me>('/session/link', json('POST', { token }))),
  signOut: async () => {
    await request<{ signedOut: true }>('/session', json('DELETE'));
    rememberCsrfToken(null);
  },
  setPassword: (newPassword: string, currentPassword?: string) =>
    request<User>('/me/password', json('PUT', { newPassword, currentPassword })),

  users: () => request<{ users: User[] }>('/users'),
  createUser: (body: UserCreateBody) => request<User>('/users', json('POST', body)),
  changeUser: (userId: string, change: UserChangeBody) => request<User>(`/users/${id(userId)}`, json('PATCH', change)),
  deleteUser: (userId: string) => request<{ deleted: true }>(`/users/${id(userId)}`, json('DELETE')),
  resetLink: (userId: string) => request<OneTimeLink>(`/users/${id(userId)}/reset-link`, json('POST')),

  sessions: () => request<{ sessions: Session[] }>('/sessions'),
  revokeSession: (sessionId: string) => request<{ revoked: true }>(`/sessions/${id(sessionId)}`, json('DELETE')),

  keys: () => request<{ keys: ApiKey[] }>('/keys'),
  createKey: (body: KeyCreateBody) => request<CreatedApiKey>('/keys', json('POST', body)),
  revokeKey: (keyId: string) => request<{ revoked: true }>(`/keys/${id(keyId)}`, json('DELETE')),

  audit: (filter: AuditFilter) => request<{ entries: AuditEntry[] }>(`/audit?${auditSearch(filter)}`),
  settings: () => request<Settings>('/settings'),
  changeSettings: (body: SettingsBody) => request<Settings>('/settings', json('PUT', body)),
};
