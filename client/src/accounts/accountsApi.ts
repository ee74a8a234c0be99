// Every request through the generated client (see api/api.ts); the shapes are the contract's.
import { answer, rememberCsrfToken, type BodyOf, type components, type QueryOf } from '../api/api.js';

type Schemas = components['schemas'];
export type ApiKey = Schemas['ApiKey'];
export type AuditEntry = Schemas['AuditEntry'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type Me = Schemas['Me'];
export type OneTimeLink = Schemas['OneTimeLink'];
export type Session = Schemas['Session'];
export type Settings = Schemas['Settings'];
export type User = Schemas['User'];
type KeyCreateBody = BodyOf<'/api/keys', 'post'>;
type SettingsBody = BodyOf<'/api/settings', 'put'>;
type UserChangeBody = BodyOf<'/api/users/{id}', 'patch'>;
type UserCreateBody = BodyOf<'/api/users', 'post'>;

/** An answer that says who the caller is also carries the session's CSRF token, which later writes send. */
async function identity(answered: Promise<Me>): Promise<Me> {
  const me = await answered;
  rememberCsrfToken(me.csrfToken);
  return me;
}

/** Which page of the audit log: newest first, `before` an entry's id, of one action. */
export type AuditFilter = Pick<QueryOf<'/api/audit', 'get'>, 'limit' | 'before' | 'action'>;

/** The filter's parameters that have a value (0 and '' are "not given", as in the form). */
const auditQuery = ({ limit, before, action }: AuditFilter) => ({
  ...(limit ? { limit } : {}),
  ...(before ? { before } : {}),
  ...(action ? { action } : {}),
});

const path = (id: string) => ({ path: { id } });

/** Sign-in, the caller's own account, and (for admins) users, settings and the audit log. */
export const accountsApi = {
  me: () => identity(answer((client) => client.GET('/api/me'))),
  signIn: (username: string, password: string) =>
    identity(answer((client) => client.POST('/api/session', { body: { username, password } }))),
  signInWithLink: (token: string) =>
    identity(answer((client) => client.POST('/api/session/link', { body: { token } }))),
  signOut: async () => {
    await answer((client) => client.DELETE('/api/session'));
    rememberCsrfToken(null);
  },
  setPassword: (newPassword: string, currentPassword?: string) =>
    answer((client) => client.PUT('/api/me/password', { body: { newPassword, currentPassword } })),

  users: () => answer((client) => client.GET('/api/users')),
  createUser: (body: UserCreateBody) => answer((client) => client.POST('/api/users', { body })),
  changeUser: (userId: string, change: UserChangeBody) =>
    answer((client) => client.PATCH('/api/users/{id}', { params: path(userId), body: change })),
  deleteUser: (userId: string) => answer((client) => client.DELETE('/api/users/{id}', { params: path(userId) })),
  resetLink: (userId: string) =>
    answer((client) => client.POST('/api/users/{id}/reset-link', { params: path(userId) })),

  sessions: () => answer((client) => client.GET('/api/sessions')),
  revokeSession: (sessionId: string) =>
    answer((client) => client.DELETE('/api/sessions/{id}', { params: path(sessionId) })),

  keys: () => answer((client) => client.GET('/api/keys')),
  createKey: (body: KeyCreateBody) => answer((client) => client.POST('/api/keys', { body })),
  revokeKey: (keyId: string) => answer((client) => client.DELETE('/api/keys/{id}', { params: path(keyId) })),

  audit: (filter: AuditFilter) =>
    answer((client) => client.GET('/api/audit', { params: { query: auditQuery(filter) } })),
  settings: () => answer((client) => client.GET('/api/settings')),
  changeSettings: (body: SettingsBody) => answer((client) => client.PUT('/api/settings', { body })),
};
