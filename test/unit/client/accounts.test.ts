import { afterAll, describe, expect, it, vi } from 'vitest';

// The API module registers the page's probe on `window`, and calls its own site, which Node does not have.
vi.stubGlobal('window', globalThis);
vi.stubGlobal('location', new URL('http://entente.test/'));
const { api, signInNeeded } = await import('../../../client/src/api/api.js');
const { accountsApi } = await import('../../../client/src/accounts/accountsApi.js');
const { returnTo } = await import('../../../client/src/accounts/navigation.js');
const { browserOf } = await import('../../../client/src/accounts/formatting.js');

const me = (csrfToken: string | null) => ({
  username: 'ada',
  role: 'viewer',
  mode: 'accounts',
  scopes: ['read'],
  via: 'password',
  csrfToken,
  signIn: { password: true, oidc: false },
});

const answer = (status: number, body: unknown) => {
  const fetch = vi.fn((_request: Request) => Promise.resolve(new Response(JSON.stringify(body), { status })));
  vi.stubGlobal('fetch', fetch);
  return fetch;
};
const csrfOf = (fetch: ReturnType<typeof answer>) => fetch.mock.calls[0]![0].headers.get('x-csrf-token');

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('the API module with accounts', () => {
  it('When a sign-in answers with a CSRF token, then later writes carry it, reads do not, and all send the cookie', async () => {
    answer(200, me('token-from-sign-in'));
    await accountsApi.signIn('ada', 'a long passphrase');

    const write = answer(200, { nodes: [], edges: [] });
    await api.subgraph(['openai']);
    expect(csrfOf(write)).toBe('token-from-sign-in');
    expect(write.mock.calls[0]![0].credentials).toBe('same-origin');

    const read = answer(200, { results: [] });
    await api.search('open');
    expect(csrfOf(read)).toBeNull();
    expect(read.mock.calls[0]![0].credentials).toBe('same-origin');

    answer(200, me('token-from-me'));
    await accountsApi.me();
    const next = answer(200, { nodes: [], edges: [] });
    await api.subgraph(['openai']);
    expect(csrfOf(next)).toBe('token-from-me');
  });

  it('When the session is gone (401 unauthenticated), then the page is told to sign in; a wrong password is not that', async () => {
    const heard = vi.fn();
    signInNeeded.addEventListener('needed', heard);
    answer(401, { type: '/problems/sign-in-failed', title: 'Sign-in failed', status: 401, detail: 'Wrong.' });
    await expect(accountsApi.signIn('ada', 'wrong')).rejects.toMatchObject({ status: 401, detail: 'Wrong.' });
    expect(heard).not.toHaveBeenCalled();
    answer(401, { type: '/problems/unauthenticated', title: 'Sign-in required', status: 401, detail: 'Sign in.' });
    await expect(api.schema()).rejects.toMatchObject({ status: 401, type: '/problems/unauthenticated' });
    expect(heard).toHaveBeenCalledOnce();
    signInNeeded.removeEventListener('needed', heard);
  });

  it('When signed out, then writes no longer carry the old token', async () => {
    answer(200, { signedOut: true });
    await accountsApi.signOut();
    const write = answer(200, { nodes: [], edges: [] });
    await api.subgraph(['openai']);
    expect(csrfOf(write)).toBeNull();
  });
});

describe('after signing in', () => {
  const at = (search: string) => vi.stubGlobal('location', { search });

  it('When the sign-in page was asked to return somewhere on this site, then it does; anywhere else, to the explorer', () => {
    at('?returnTo=%2Faccount');
    expect(returnTo()).toBe('/account');
    at(`?returnTo=${encodeURIComponent('/#view=abc')}`);
    expect(returnTo()).toBe('/#view=abc');
    for (const elsewhere of ['https://evil.example/', '//evil.example/', '/sign-in', 'javascript:alert(1)']) {
      at(`?returnTo=${encodeURIComponent(elsewhere)}`);
      expect(returnTo()).toBe('/');
    }
    at('');
    expect(returnTo()).toBe('/');
  });

  it('When a session is listed, then its browser reads as a name, a version and a system', () => {
    const chrome =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
    expect(browserOf(chrome)).toBe('Chrome 131 on Linux');
    expect(browserOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox 133 on Windows',
    );
    expect(browserOf('')).toBe('Unknown browser');
    expect(browserOf('curl/8.5.0')).toBe('curl/8.5.0');
  });
});
