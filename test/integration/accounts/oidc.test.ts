import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../../support/accounts.js';
import { connectTestDatabase } from '../../support/database.js';
import { listenTestApp, type RunningServer } from '../../support/server.js';
import { testStore } from '../../support/store.js';

/** Roles each test account carries in its `groups` claim at the provider. */
const accounts = new Map<string, string[]>();

/**
 * A real OpenID provider (oidc-provider) on loopback. Its sign-in and consent steps are answered at once for
 * the account named in the request's login_hint, as a person would by typing their name and agreeing.
 */
async function startProvider() {
  let provider: Provider | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        const details = await provider!.interactionDetails(req, res);
        const accountId = String(details.params.login_hint);
        const grant = new provider!.Grant({ accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider!.interactionFinished(
          req,
          res,
          { login: { accountId }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      })();
      return;
    }
    void provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  /** Registers Entente as a client, once its callback address is known. */
  const register = (redirectUri: string) => {
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'entente',
          client_secret: 'a-client-secret-for-tests-only',
          redirect_uris: [redirectUri],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: { openid: ['sub'], profile: ['preferred_username', 'groups'], email: ['email'] },
      conformIdTokenClaims: false,
      findAccount: (_ctx, sub) => ({
        accountId: sub,
        claims: () => ({ sub, preferred_username: sub, email: `${sub}@example.org`, groups: accounts.get(sub) ?? [] }),
      }),
    });
  };
  return { issuer, register, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A browser in miniature: follows redirects by hand, keeping each host's cookies. */
async function browse(startUrl: string, site: string): Promise<{ finalUrl: string; cookies: Map<string, string[]> }> {
  const cookies = new Map<string, string[]>();
  let url = startUrl;
  for (let hop = 0; hop < 20; hop++) {
    const { host } = new URL(url);
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: (cookies.get(host) ?? []).join('; ') },
    });
    for (const set of response.headers.getSetCookie()) {
      const pair = set.split(';')[0]!;
      const name = pair.split('=')[0];
      cookies.set(host, [...(cookies.get(host) ?? []).filter((kept) => !kept.startsWith(`${name}=`)), pair]);
    }
    const location = response.headers.get('location');
    if (!location || response.status < 300 || response.status >= 400) {
      throw new Error(`Stopped at ${url} with ${response.status}: ${await response.text()}`);
    }
    url = new URL(location, url).toString();
    // Done once the browser lands on the site's own pages (not its API, where the callback is).
    if (url.startsWith(site) && !url.startsWith(`${site}/api/`)) return { finalUrl: url, cookies };
  }
  throw new Error('Too many redirects');
}

describe('single sign-on with a real OpenID provider', () => {
  const db = connectTestDatabase();
  let entente: RunningServer;
  let provider: Awaited<ReturnType<typeof startProvider>>;

  beforeAll(async () => {
    provider = await startProvider();
    // Entente must know the issuer, and the provider Entente's callback: start Entente, then register it.
    entente = await listenTestApp(db, {
      ENTENTE_AUTH: 'on',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'entente',
      OIDC_CLIENT_SECRET: 'a-client-secret-for-tests-only',
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ROLE_MAP: 'entente-editors=editor,entente-admins=admin',
      OIDC_DEFAULT_ROLE: 'none',
    });
    provider.register(`${entente.url}/api/auth/oidc/callback`);
  });
  afterAll(async () => {
    await entente?.close();
    await provider?.close();
    await db.close();
  });

  async function signInAs(sub: string) {
    const start = `${entente.url}/api/auth/oidc/login?returnTo=${encodeURIComponent('/?from=sso')}`;
    // The login hint rides on the authorization request through Entente's redirect.
    const first = await fetch(start, { redirect: 'manual' });
    const authorize = new URL(first.headers.get('location')!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    authorize.searchParams.set('login_hint', sub);
    return browse(authorize.toString(), entente.url);
  }

  it('When a user signs in through the provider, then Entente makes their account with the mapped role and a session', async () => {
    const sub = uniqueName('grace');
    accounts.set(sub, ['staff', 'entente-editors']);
    const { finalUrl, cookies } = await signInAs(sub);
    expect(finalUrl).toBe(`${entente.url}/?from=sso`);
    const session = cookies.get(new URL(entente.url).host)!.find((pair) => pair.startsWith('entente_session='));
    const me = await (await fetch(`${entente.url}/api/me`, { headers: { cookie: session! } })).json();
    expect(me).toMatchObject({ username: sub, role: 'editor', via: 'oidc' });
  });

  it('When the provider takes a role away, then the next sign-in applies it; with no mapped role, sign-in is refused', async () => {
    const sub = uniqueName('hal');
    accounts.set(sub, ['entente-admins']);
    await signInAs(sub);
    accounts.set(sub, ['entente-editors']);
    const { cookies } = await signInAs(sub);
    const session = cookies.get(new URL(entente.url).host)!.find((pair) => pair.startsWith('entente_session='));
    expect((await (await fetch(`${entente.url}/api/me`, { headers: { cookie: session! } })).json()).role).toBe(
      'editor',
    );
    const [audit] = await testStore().rows<{ after: unknown }>(
      "SELECT after FROM audit_log WHERE action = 'user.role-from-sign-on' AND target_id = (SELECT id::text FROM users WHERE username = $1)",
      [sub],
    );
    expect(audit?.after).toEqual({ role: 'editor' });

    accounts.set(sub, ['nothing-for-entente']);
    await expect(signInAs(sub)).rejects.toThrow(/403.*no role/i);
  });

  it('When the callback comes with a state Entente never issued, then it is refused', async () => {
    const response = await fetch(`${entente.url}/api/auth/oidc/callback?code=abc&state=forged`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/oidc-state');
  });

  it('When returnTo points at another site, then the sign-in returns to the explorer instead', async () => {
    const sub = uniqueName('ivy');
    accounts.set(sub, ['entente-editors']);
    const first = await fetch(`${entente.url}/api/auth/oidc/login?returnTo=${encodeURIComponent('//evil.example/x')}`, {
      redirect: 'manual',
    });
    const authorize = new URL(first.headers.get('location')!);
    authorize.searchParams.set('login_hint', sub);
    const { finalUrl } = await browse(authorize.toString(), entente.url);
    expect(finalUrl).toBe(`${entente.url}/`);
  });
});
