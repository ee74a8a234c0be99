import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Scope } from '../../../server/accounts/roles.js';
import { accountsApi, type Me } from './accountsApi';

/** Who the page is used by; kept until something (a sign-in, a sign-out) says otherwise. */
export const meQuery = () =>
  queryOptions({ queryKey: ['me'], queryFn: () => accountsApi.me(), staleTime: Infinity, retry: 1 });

export interface CurrentUser {
  me: Me | undefined;
  /** The answer could not be had (the server is down). */
  error: Error | null;
  /** Whether the caller holds `scope`; false while not yet known. */
  can: (scope: Scope) => boolean;
  /** Accounts are on and nobody is signed in, and anonymous reading is off: only the sign-in page can help. */
  mustSignIn: boolean;
}

export function useMe(): CurrentUser {
  const { data: me, error } = useQuery(meQuery());
  return {
    me,
    error,
    can: (scope) => me?.scopes.includes(scope) ?? false,
    mustSignIn: me?.mode === 'accounts' && me.username === null && me.scopes.length === 0,
  };
}
