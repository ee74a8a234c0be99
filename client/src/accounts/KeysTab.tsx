import { useQuery } from '@tanstack/react-query';
import { accountsApi } from './accountsApi';
import { CreateKeyForm } from './CreateKeyForm';
import { errorText } from './errorText';
import { when } from './formatting';
import { NewKeyNotice } from './NewKeyNotice';
import { useAction } from './useAction';

const keysKey = ['account', 'keys'];

function stateOf(key: { revokedAt: string | null; expiresAt: string | null }): string {
  if (key.revokedAt) return `revoked ${when(key.revokedAt)}`;
  if (key.expiresAt && new Date(key.expiresAt) <= new Date()) return 'expired';
  return 'active';
}

/** The user's API keys: made here with scopes no wider than their role, shown once, revocable. */
export function KeysTab() {
  const listed = useQuery({ queryKey: keysKey, queryFn: () => accountsApi.keys() });
  const create = useAction(accountsApi.createKey, keysKey);
  const revoke = useAction(accountsApi.revokeKey, keysKey);
  return (
    <>
      <p className="hint">
        A key lets a script use the API as you, limited to the scopes you give it. Send it as{' '}
        <code>Authorization: Bearer &lt;key&gt;</code>.
      </p>
      {create.result ? (
        <NewKeyNotice created={create.result} onDone={create.reset} />
      ) : (
        <CreateKeyForm onCreate={create.run} pending={create.pending} error={create.error} />
      )}
      {(listed.error ?? revoke.error) && (
        <p className="form-error" role="alert">
          {listed.error ? errorText(listed.error) : revoke.error}
        </p>
      )}
      <table className="account-table">
        <caption>My API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {listed.data?.keys.map((key) => (
            <tr key={key.id} className={key.revokedAt ? 'disabled' : undefined}>
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td>{key.scopes.join(', ')}</td>
              <td className="nowrap">{when(key.createdAt)}</td>
              <td className="nowrap">{when(key.expiresAt, 'never')}</td>
              <td className="nowrap">{when(key.lastUsedAt, 'never')}</td>
              <td>{stateOf(key)}</td>
              <td className="actions">
                {!key.revokedAt && (
                  <button onClick={() => void revoke.run(key.id)} aria-label={`Revoke key ${key.name}`}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
