import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { signInNeeded } from '../api/api';
import { ExplorerPage, investigationIdOf } from '../investigations/ExplorerPage';
import { accountPath, investigationsPath, navigate, signInPath, signInUrl, usePath } from './navigation';
import { SignInPage } from './SignInPage';
import { useMe } from './useMe';

const InvestigationsPage = lazy(() =>
  import('../investigations/InvestigationsPage').then((module) => ({ default: module.InvestigationsPage })),
);

// Most people open the account page rarely: it is loaded when first visited, off the explorer's first load.
const AccountPage = lazy(() => import('./AccountPage').then((module) => ({ default: module.AccountPage })));

/** When the server says nobody is signed in (a session ended, revoked or expired): off to the sign-in page. */
function useSignInWhenNeeded() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const goSignIn = () => {
      // An embedded view is read without signing in (a public link): what it may not read, it goes without.
      if (window.location.pathname === signInPath || window.location.pathname.startsWith('/embed/')) return;
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

/**
 * The site's pages by path: the sign-in page, the account page, the investigations list, an embedded
 * investigation, and the explorer everywhere else (on an investigation at `/i/…`).
 */
export function AppRoutes() {
  const path = usePath();
  useSignInWhenNeeded();
  if (path === signInPath) return <SignInPage />;
  // An embed shows a public investigation to whoever the page around it is shown to: no sign-in first.
  if (path.startsWith('/embed/')) return <ExplorerPage investigationId={investigationIdOf(path)} embedded />;
  if (path === investigationsPath) {
    return (
      <SignedInOnly>
        <Suspense fallback={<p className="page-message">Loading…</p>}>
          <InvestigationsPage />
        </Suspense>
      </SignedInOnly>
    );
  }
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
      <ExplorerPage investigationId={investigationIdOf(path)} />
    </SignedInOnly>
  );
}
