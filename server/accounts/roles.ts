/**
 * Who may do what: the one table that every route's check, every API key's scopes and the role-matrix
 * test read. A route names the scope it needs; a caller holds the scopes of its role (a key: those of its
 * own list that its owner's role still holds).
 */
export const roleNames = ['viewer', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof roleNames)[number];

export const scopeNames = [
  'read',
  'query',
  'write:queries',
  'write:investigations',
  'import',
  'edit',
  'admin',
] as const;
export type Scope = (typeof scopeNames)[number];

/**
 * What a route needs: a scope; `signed-in`, a person of any role signed in (a session, or the local admin:
 * never an API key, so a key cannot make keys or change a password); or nothing (`public`).
 */
export type Permission = Scope | 'signed-in' | 'public';

const viewer: Scope[] = ['read'];
const analyst: Scope[] = [...viewer, 'query', 'write:queries', 'write:investigations'];
const editor: Scope[] = [...analyst, 'import', 'edit'];
const admin: Scope[] = [...editor, 'admin'];

export const scopesOfRole: Readonly<Record<Role, readonly Scope[]>> = Object.freeze({ viewer, analyst, editor, admin });

/** Roles from the least to the most trusted; a higher role holds every scope of a lower one. */
export function roleRank(role: Role): number {
  return roleNames.indexOf(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roleNames as readonly string[]).includes(value);
}
