import { useId, useState, type FormEvent } from 'react';
import type { Scope } from '../../../server/accounts/roles.js';
import type { CreatedApiKey } from './accountsApi';
import { scopeDescriptions } from './roleNeeded';
import { useMe } from './useMe';

interface Props {
  onCreate: (body: { name: string; scopes: Scope[]; expiresAt?: string }) => Promise<CreatedApiKey | undefined>;
  pending: boolean;
  error: string | undefined;
}

/** A date input's day as the end of that day, UTC, in the form the API takes. */
const endOfDay = (day: string) => `${day}T23:59:59Z`;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Names a new key and picks its scopes, only among the ones the user's role holds, and an optional expiry. */
export function CreateKeyForm({ onCreate, pending, error }: Props) {
  const { me } = useMe();
  const held = me?.scopes ?? [];
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read']);
  const [expires, setExpires] = useState('');
  const errorId = useId();

  const toggle = (scope: Scope) =>
    setScopes((chosen) => (chosen.includes(scope) ? chosen.filter((one) => one !== scope) : [...chosen, scope]));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await onCreate({ name, scopes, ...(expires ? { expiresAt: endOfDay(expires) } : {}) });
    if (created) setName('');
  };

  return (
    <form className="inline-form" onSubmit={(event) => void submit(event)} aria-label="New API key">
      <h3>New API key</h3>
      <div className="fields">
        <label>
          Name
          <input required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label>
          Expires on (optional)
          <input type="date" min={tomorrow()} value={expires} onChange={(event) => setExpires(event.target.value)} />
        </label>
      </div>
      <fieldset className="scopes">
        <legend>Scopes (only those your role holds)</legend>
        {held.map((scope) => (
          <label key={scope}>
            <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} />
            <code>{scope}</code> <span className="hint">{scopeDescriptions[scope]}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={pending || scopes.length === 0} aria-describedby={errorId}>
        Create key
      </button>
      <p id={errorId} className="form-error" role="alert">
        {error ?? (scopes.length === 0 ? 'Choose at least one scope.' : '')}
      </p>
    </form>
  );
}
