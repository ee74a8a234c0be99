import { useState } from 'react';
import { LinkSignIn } from './LinkSignIn';
import { backToExplorer, returnTo } from './navigation';
import { PasswordSignIn } from './PasswordSignIn';
import { useMe } from './useMe';

/** The secret of a one-time link, from `#link=<token>`. */
function linkToken(): string | undefined {
  return new URLSearchParams(window.location.hash.slice(1)).get('link') ?? undefined;
}

/** The sign-in page: a one-time link's, or the password form with single sign-on beside it when set up. */
export function SignInPage() {
  const [token] = useState(linkToken);
  const { me, error } = useMe();

  return (
    <main className="sign-in-page">
      <section className="sign-in-card" aria-labelledby="sign-in-title">
        <p className="brand">Entente</p>
        <h1 id="sign-in-title">{token ? 'Sign in with your link' : 'Sign in'}</h1>
        {error && (
          <p className="form-error" role="alert">
            Entente cannot be reached just now. Reload the page to try again.
          </p>
        )}
        {me?.mode === 'single-user' ? (
          <p>
            Entente runs in single-user mode: there is nothing to sign in to.{' '}
            <button className="link" onClick={backToExplorer}>
              Open the explorer
            </button>
          </p>
        ) : token ? (
          <LinkSignIn token={token} />
        ) : (
          <>
            {me?.username && (
              <p className="hint">You are signed in as {me.username}; signing in again replaces that session.</p>
            )}
            <PasswordSignIn />
            {me?.signIn.oidc && (
              <>
                <p className="or">or</p>
                <a className="button sso" href={`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo())}`}>
                  Sign in with single sign-on
                </a>
              </>
            )}
          </>
        )}
      </section>
    </main>
  );
}
