import { useQueryClient } from '@tanstack/react-query';
import { accountsApi } from './accountsApi';
import { accountPath, followLink, navigate, signInPath, signInUrl } from './navigation';
import { useMe } from './useMe';

/** Who is using the page, in a header: name and role, the account page, sign out; or the mode or a sign-in link. */
export function AccountBadge() {
  const { me } = useMe();
  const queryClient = useQueryClient();
  if (!me) return null;
  if (me.mode === 'single-user') {
    return (
      <div className="account-badge" title="Entente runs without accounts: everyone who reaches it is the local admin">
        Single-user mode
      </div>
    );
  }
  if (!me.username) {
    return (
      <div className="account-badge">
        <span>Not signed in</span>
        <a href={signInUrl()} onClick={followLink}>
          Sign in
        </a>
      </div>
    );
  }
  const signOut = async () => {
    await accountsApi.signOut().catch(() => undefined);
    // Away from the explorer first, so that nothing left on it asks the server again as nobody.
    navigate(signInPath);
    queryClient.clear();
  };
  return (
    <div className="account-badge">
      <a
        className="who"
        href={accountPath}
        onClick={followLink}
        title="Your account: sessions and API keys (and, for an admin, users, audit log and settings)"
        aria-current={window.location.pathname === accountPath ? 'page' : undefined}
      >
        <span className="name">{me.username}</span> <span className="role">{me.role}</span>
      </a>
      <button onClick={() => void signOut()}>Sign out</button>
    </div>
  );
}
