import { useQuery } from '@tanstack/react-query';
import { accountsApi } from './accountsApi';
import { errorText } from './errorText';
import { browserOf, when } from './formatting';
import { useAction } from './useAction';

const sessionsKey = ['account', 'sessions'];

const viaNames = { password: 'password', oidc: 'single sign-on', link: 'one-time link' } as const;

/** The user's own sessions (browsers signed in), each revocable; revoking this one signs out here. */
export function SessionsTab() {
  const listed = useQuery({ queryKey: sessionsKey, queryFn: () => accountsApi.sessions() });
  const revoke = useAction(accountsApi.revokeSession, sessionsKey);
  return (
    <>
      <p className="hint">
        Every browser where you are signed in. Revoke one you do not recognise or no longer use; it is signed out at its
        next request.
      </p>
      {(listed.error ?? revoke.error) && (
        <p className="form-error" role="alert">
          {listed.error ? errorText(listed.error) : revoke.error}
        </p>
      )}
      <table className="account-table">
        <caption>My sessions</caption>
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">Expires</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {listed.data?.sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row" className="user-agent" title={session.userAgent}>
                {browserOf(session.userAgent)}
                {session.current && <span className="tag">this one</span>}
              </th>
              <td>{session.client}</td>
              <td>
                {when(session.createdAt)} <span className="hint">by {viaNames[session.via]}</span>
              </td>
              <td className="nowrap">{when(session.lastSeenAt)}</td>
              <td className="nowrap">{when(session.expiresAt)}</td>
              <td className="actions">
                <button onClick={() => void revoke.run(session.id)}>
                  {session.current ? 'Revoke (signs you out)' : 'Revoke'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
