import type { ReactNode } from 'react';
import type { Scope } from '../../../server/accounts/roles.js';
import { roleNeeded, scopeDescriptions } from './roleNeeded';
import { useMe } from './useMe';

interface Props {
  scope: Scope;
  /** What is withheld, as the start of a sentence: "The Cypher console". */
  feature: string;
  children: ReactNode;
}

/** Shows `children` to a caller holding `scope`; to anyone else, one sentence saying why not and what would help. */
export function NeedsScope({ scope, feature, children }: Props) {
  const { me, can } = useMe();
  if (can(scope)) return children;
  const role = me?.role ? `Your role, ${me.role}, does not let you` : 'Without signing in you cannot';
  return (
    <p className="needs-scope" role="note">
      {feature} is not available to you. {role} {scopeDescriptions[scope]}: ask an admin for the {roleNeeded(scope)}{' '}
      role.
    </p>
  );
}
