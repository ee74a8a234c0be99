import { useId, useState, type FormEvent } from 'react';
import { accountsApi } from './accountsApi';
import { errorText } from './errorText';

interface Props {
  /** Asked for the current password too (a normal session); a one-time link's session needs none. */
  askCurrent: boolean;
  onDone: () => void;
}

const shortest = 12;

/** Sets the signed-in user's password: typed twice, at least 12 characters, the server's objection shown. */
export function NewPasswordForm({ askCurrent, onDone }: Props) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== again) {
      setError('The two passwords are not the same.');
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      await accountsApi.setPassword(password, askCurrent ? current : undefined);
      onDone();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="account-form" onSubmit={(event) => void submit(event)}>
      {askCurrent && (
        <label>
          Current password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </label>
      )}
      <label>
        New password
        <input
          type="password"
          autoComplete="new-password"
          autoFocus={!askCurrent}
          required
          minLength={shortest}
          aria-describedby={`${hintId} ${errorId}`}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <p id={hintId} className="hint">
        At least {shortest} characters; a few words make a good one.
      </p>
      <label>
        New password again
        <input
          type="password"
          autoComplete="new-password"
          required
          value={again}
          onChange={(event) => setAgain(event.target.value)}
        />
      </label>
      <p id={errorId} className="form-error" role="alert">
        {error}
      </p>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Saving…' : 'Set password'}
      </button>
    </form>
  );
}
