import { useState, type FormEvent } from 'react';
import { accountsApi } from './accountsApi';
import { errorText } from './errorText';
import { navigate, returnTo } from './navigation';
import { useSignedIn } from './useSignedIn';

/** The user name and password form; a wrong pair or too many tries is said in the server's own words. */
export function PasswordSignIn() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const signedIn = useSignedIn();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      signedIn(await accountsApi.signIn(username, password));
      navigate(returnTo(), { replace: true });
    } catch (failure) {
      setError(errorText(failure));
      setPending(false);
    }
  };

  return (
    <form className="account-form" onSubmit={(event) => void submit(event)} aria-describedby="sign-in-error">
      <label>
        User name
        <input
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <p id="sign-in-error" className="form-error" role="alert">
        {error}
      </p>
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
