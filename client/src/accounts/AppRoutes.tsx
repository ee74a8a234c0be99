import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { signInNeeded } from '../api/api';
import { App } from '../app/App';
import { accountPath, navigate, signInPath, signInUrl, usePath } from './navigation';
import { SignInPage } from './SignInPage';
import { useMe } from './useMe';

// Most people open the account page rarely: it is loaded when first visited, off the explorer's first load.
const AccountPage = lazy(() => import('./AccountPage').then((module) => ({ default: module.AccountPage })));

/** When the server says nobody is signed in (a session ended, revoked or expired): off to the sign-in page. */
function useSignInWhenNeeded() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const goSignIn = () => {
      if (window.location.pathname === signInPath) return;
      navigate(signInUrl(), { replace: true });
      queryClient.clear();
    };
    signInNeeded.addEventListener('needed', goSignIn);
    return () => signInNeeded.removeEventListener('needed', goSignIn);
  }, [queryClient]);
}

/**
 * Shows a page once it is known who asks (the explorer's first requests are writes that need the session's
 * CSRF token), and sends to the sign-in page whoever must sign in first.
 */
function SignedInOnly({ children, person = false }: { children: ReactNode; person?: boolean }) {
  const { me, error, mustSignIn: nobody } = useMe();
  // The account page is a person's: anonymous reading does not open it.
  const mustSignIn = nobody || (person && me?.mode === 'accounts' && !me.username);
  useEffect(() => {
    if (mustSignIn) navigate(signInUrl(), { replace: true });
  }, [mustSignIn]);
  if (error) {
    return (
      <p className="page-message" role="alert">
        Entente could not be reached. Is it running? Reload the page to try again.
      </p>
    );
  }
  if (!me || mustSignIn) return <p className="page-message">Loading…</p>;
  return children;
}

/** The site's pages by path: the sign-in page, the account page, and the explorer everywhere else. */
export function AppRoutes() {
  const path = usePath();
  useSignInWhenNeeded();
  if (path === signInPath) return <SignInPage />;
  if (path === accountPath) {
    return (
      <SignedInOnly person>
        <Suspense fallback={<p className="page-message">Loading…</p>}>
          <AccountPage />
        </Suspense>
      </SignedInOnly>
    );
  }
  return (
    <SignedInOnly>
      <App />
    </SignedInOnly>
  );
}
