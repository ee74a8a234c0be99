import { useQuery } from '@tanstack/react-query';
import { accountsApi } from './accountsApi';
import { CopyableSecret } from './CopyableSecret';
import { CreateUserForm } from './CreateUserForm';
import { errorText } from './errorText';
import { when } from './formatting';
import { useAction } from './useAction';
import { UserRow } from './UserRow';

const usersKey = ['account', 'users'];

/** Admins: every user, their role and state, and what can be done to them; a form to add one. */
export function UsersTab() {
  const listed = useQuery({ queryKey: usersKey, queryFn: () => accountsApi.users() });
  const resetLink = useAction(accountsApi.resetLink, usersKey);
  return (
    <>
      <CreateUserForm refreshes={usersKey} onCreatedWithoutPassword={(user) => void resetLink.run(user.id)} />
      {resetLink.result && (
        <div className="notice" role="status">
          <CopyableSecret
            label="One-time sign-in link (valid once, for an hour)"
            value={resetLink.result.url}
            autoFocus
          />
          <p className="hint">
            Send it to the user: it signs them in once and asks for a new password. It expires{' '}
            {when(resetLink.result.expiresAt)}.
          </p>
          <button onClick={resetLink.reset}>Done</button>
        </div>
      )}
      {resetLink.error && (
        <p className="form-error" role="alert">
          {resetLink.error}
        </p>
      )}
      {listed.error && (
        <p className="form-error" role="alert">
          {errorText(listed.error)}
        </p>
      )}
      <table className="account-table">
        <caption>Users</caption>
        <thead>
          <tr>
            <th scope="col">User name</th>
            <th scope="col">Role</th>
            <th scope="col">Signs in with</th>
            <th scope="col">Created</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {listed.data?.users.map((user) => (
            <UserRow key={user.id} user={user} refreshes={usersKey} onResetLink={() => void resetLink.run(user.id)} />
          ))}
        </tbody>
      </table>
    </>
  );
}
