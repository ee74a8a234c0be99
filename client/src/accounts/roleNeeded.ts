import { roleNames, scopesOfRole, type Role, type Scope } from '../../../server/accounts/roles.js';

/** The least trusted role that holds `scope`: what to ask an admin for. */
export function roleNeeded(scope: Scope): Role {
  return roleNames.find((role) => scopesOfRole[role].includes(scope)) ?? 'admin';
}

/** One line per scope, for the key form and the notices. */
export const scopeDescriptions: Record<Scope, string> = {
  read: 'read the graph',
  query: 'run Cypher and saved queries',
  'write:queries': 'save queries',
  'write:investigations': 'save investigations',
  import: 'import data',
  edit: 'edit the graph',
  admin: 'manage users, keys and settings',
};
