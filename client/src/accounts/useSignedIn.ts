import { useQueryClient } from '@tanstack/react-query';
import type { Me } from './accountsApi';
import { meQuery } from './useMe';

/** After a sign-in: forget what the page knew as somebody else, and know the new caller at once. */
export function useSignedIn(): (me: Me) => void {
  const queryClient = useQueryClient();
  return (me) => {
    queryClient.clear();
    queryClient.setQueryData(meQuery().queryKey, me);
  };
}
