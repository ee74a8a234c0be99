import type { QueryKey } from '@tanstack/react-query';
import { roleNames, type Role } from '../../../server/accounts/roles.js';
import { accountsApi, type User } from './accountsApi';
import { when } from './formatting';
import { useAction } from './useAction';
import { useMe } from './useMe';

interface Props {
  user: User;
  refreshes: QueryKey;
  onResetLink: () => void;
}

function signsInWith(user: User): string {
  const ways = [user.hasPassword && 'password', user.singleSignOn && 'single sign-on'].filter(Boolean);
  return ways.length ? ways.join(', ') : 'no password yet';
}

/** One user in the admin's table: their role to change, and disable, reset link and delete. */
export function UserRow({ user, refreshes, onResetLink }: Props) {
  const { me } = useMe();
  const change = useAction(
    (body: { role?: Role; disabled?: boolean }) => accountsApi.changeUser(user.id, body),
    refreshes,
  );
  const remove = useAction(() => accountsApi.deleteUser(user.id), refreshes);
  const error = change.error ?? remove.error;
  const yourself = user.username === me?.username;

  return (
    <tr className={user.disabled ? 'disabled' : undefined}>
      <th scope="row">
        {user.username}
        {yourself && <span className="tag">you</span>}
        {user.disabled && <span className="tag warning">disabled</span>}
      </th>
      <td>
        <select
          aria-label={`Role of ${user.username}`}
          value={user.role}
          disabled={change.pending}
          onChange={(event) => void change.run({ role: event.target.value as Role })}
        >
          {roleNames.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </td>
      <td>{signsInWith(user)}</td>
      <td className="nowrap">{when(user.createdAt)}</td>
      <td className="actions">
        <div>
          <button onClick={onResetLink} aria-label={`Reset link for ${user.username}`}>
            Reset link
          </button>
          <button
            onClick={() => void change.run({ disabled: !user.disabled })}
            aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`}
          >
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
          <button
            className="danger"
            aria-label={`Delete ${user.username}`}
            onClick={() => {
              if (window.confirm(`Delete ${user.username}, with their sessions and API keys?`))
                void remove.run(undefined);
            }}
          >
            Delete
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
