import type { QueryKey } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { roleNames, type Role } from '../../../server/accounts/roles.js';
import { accountsApi, type User } from './accountsApi';
import { useAction } from './useAction';

interface Props {
  refreshes: QueryKey;
  /** A user made without a password signs in first with a one-time link. */
  onCreatedWithoutPassword: (user: User) => void;
}

/** Adds a user: a name, a role, and a password or (left empty) a one-time link to hand them. */
export function CreateUserForm({ refreshes, onCreatedWithoutPassword }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const create = useAction(accountsApi.createUser, refreshes);
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run({ username, role, ...(password ? { password } : {}) });
    if (!created) return;
    setUsername('');
    setPassword('');
    if (!created.hasPassword) onCreatedWithoutPassword(created);
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} aria-label="New user">
      <h3>New user</h3>
      <div className="fields">
        <label>
          User name
          <input required value={username} onChange={(event) => setUsername(event.target.value)} autoComplete="off" />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="new-password"
            minLength={12}
            aria-describedby={hintId}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        <label>
          Role
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {roleNames.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={create.pending} aria-describedby={errorId}>
          Create user
        </button>
      </div>
      <p id={hintId} className="hint">
        A password has at least 12 characters; leave it empty to get a one-time link with which the user chooses their
        own. A viewer reads the graph; an analyst also runs the console and saves queries; an editor also imports and
        edits; an admin also manages users, keys and settings.
      </p>
      <p id={errorId} className="form-error" role="alert">
        {create.error}
      </p>
    </form>
  );
}
