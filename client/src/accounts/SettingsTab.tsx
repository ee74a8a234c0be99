import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { accountsApi } from './accountsApi';
import { errorText } from './errorText';
import { useAction } from './useAction';

const settingsKey = ['account', 'settings'];

/** Admins: Entente's settings kept in its store (today, whether the graph can be read without signing in). */
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
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
