import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { accountsApi } from './accountsApi';
import { errorText } from './errorText';
import { useAction } from './useAction';

const settingsKey = ['account', 'settings'];

/** Admins: Entente's settings kept in its store (reading without signing in, public investigation links). */
export function SettingsTab() {
  const current = useQuery({ queryKey: settingsKey, queryFn: () => accountsApi.settings() });
  const change = useAction(accountsApi.changeSettings, settingsKey);
  const hintId = useId();
  const error = current.error ? errorText(current.error) : change.error;
  return (
    <form className="settings" onSubmit={(event) => event.preventDefault()} aria-label="Settings">
      <label>
        <input
          type="checkbox"
          aria-describedby={hintId}
          disabled={!current.data || change.pending}
          checked={current.data?.anonymousRead ?? false}
          onChange={(event) => void change.run({ anonymousRead: event.target.checked })}
        />
        Anonymous read access
      </label>
      <p id={hintId} className="hint">
        When on, anyone who reaches Entente can explore the graph without signing in (as a viewer: no console, no
        saved-query runs). Off by default; takes effect at once, on every instance.
      </p>
      <label>
        <input
          type="checkbox"
          disabled={!current.data || change.pending}
          checked={current.data?.publicLinks ?? false}
          onChange={(event) => void change.run({ publicLinks: event.target.checked })}
        />
        Public investigation links
      </label>
      <p className="hint">
        When on, an investigation's owner may give it a link that anyone can open without signing in, and embed it in
        another page (read-only). Off by default.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
