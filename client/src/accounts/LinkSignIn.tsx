import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { accountsApi } from './accountsApi';
import { errorText } from './errorText';
import { navigate, signInPath } from './navigation';
import { NewPasswordForm } from './NewPasswordForm';
import { PasswordSignIn } from './PasswordSignIn';
import { useSignedIn } from './useSignedIn';

/**
 * A one-time link (`/sign-in#link=<token>`): signs in with its token, once (the query is shared, so React's
 * double effects in development do not spend the token twice), then asks for a new password.
 */
export function LinkSignIn({ token }: { token: string }) {
  const signedIn = useSignedIn();
  const used = useQuery({
    queryKey: ['one-time-link', token],
    queryFn: () => accountsApi.signInWithLink(token),
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  // The token is spent: out of the address bar, so that a reload or a copied address does not try it again.
  useEffect(() => {
    if (used.isFetched) window.history.replaceState(null, '', signInPath);
  }, [used.isFetched]);

  if (used.isPending) return <p role="status">Checking your link…</p>;
  if (used.isError) {
    return (
      <>
        <div role="alert" className="form-error">
          <p>{errorText(used.error)}</p>
          <p>Ask an admin for a new link, or sign in with your password.</p>
        </div>
        <PasswordSignIn />
      </>
    );
  }
  return (
    <>
      <p>
        Signed in as <strong>{used.data.username}</strong>. Choose a password to sign in with from now on.
      </p>
      <NewPasswordForm
        askCurrent={false}
        onDone={() => {
          // Away first: forgetting the cache below would otherwise try the spent token again here.
          navigate('/', { replace: true });
          signedIn(used.data);
        }}
      />
    </>
  );
}
