import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { errorText } from './errorText';

/**
 * A change made from the account page: `run` sends it, what `refreshes` lists is asked again once it is done,
 * and `error` is the last failure in the server's words (cleared by the next try).
 */
export function useAction<Input, Output>(send: (input: Input) => Promise<Output>, refreshes: QueryKey) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: send,
    onSettled: () => queryClient.invalidateQueries({ queryKey: refreshes }),
  });
  return {
    run: (input: Input) => mutation.mutateAsync(input).catch(() => undefined),
    pending: mutation.isPending,
    error: mutation.error ? errorText(mutation.error) : undefined,
    result: mutation.data,
    reset: mutation.reset,
  };
}
