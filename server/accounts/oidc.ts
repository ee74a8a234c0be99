import * as client from 'openid-client';
import { audit } from '../audit/audit.queries.js';
import type { Config } from '../config.js';
import { ProblemError } from '../http/problem.js';
import { loadSql, type Store } from '../store/store.js';
import { systemCaller } from './caller.js';
import { roleRank, isRole, type Role } from './roles.js';
import type { SessionUser } from './sessions.js';
import type { Users } from './users.js';

const sql = loadSql('oidc/begin', 'oidc/finish', 'users/by-subject', 'users/set-role');

type OidcConfig = NonNullable<Config['auth']['oidc']>;

export const callbackPath = '/api/auth/oidc/callback';

/** Only a path on this site is a place to return to after sign-in (never another host). */
function safeReturnPath(value: string | undefined): string {
  return value && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

/**
 * Single sign-on with OpenID Connect: authorization code with PKCE, state and nonce kept in the store (any
 * instance may receive the provider's answer), roles read from a claim at every sign-in.
 */
export class OidcSignIn {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(
    private readonly config: OidcConfig,
    private readonly store: Store,
    private readonly users: Users,
  ) {}

  private provider(): Promise<client.Configuration> {
    const issuer = new URL(this.config.issuer);
    // Plain HTTP only for a provider on this machine (tests, a local identity server).
    const insecure = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    this.discovered ??= client
      .discovery(issuer, this.config.clientId, this.config.clientSecret, undefined, {
        ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new ProblemError(
          503,
          'oidc-unavailable',
          'Sign-in provider unavailable',
          `The OpenID provider at ${this.config.issuer} did not answer (${(error as Error).message}).`,
        );
      });
    return this.discovered;
  }

  /** Where to send the browser to sign in, having remembered what the answer must match. */
  async begin(siteUrl: string, returnTo: string | undefined): Promise<string> {
    const provider = await this.provider();
    const verifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    await this.store.rows(sql['oidc/begin'], [state, verifier, nonce, safeReturnPath(returnTo)]);
    return client
      .buildAuthorizationUrl(provider, {
        redirect_uri: `${siteUrl}${callbackPath}`,
        scope: 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      })
      .toString();
  }

  /** Checks the provider's answer and returns the user it signs in (made or updated from the claims). */
  async finish(siteUrl: string, callbackUrl: URL): Promise<{ user: SessionUser; returnTo: string }> {
    const provider = await this.provider();
    const state = callbackUrl.searchParams.get('state') ?? '';
    const [pending] = await this.store.rows<{ code_verifier: string; nonce: string; return_to: string }>(
      sql['oidc/finish'],
      [state],
    );
    if (!pending) {
      throw new ProblemError(
        400,
        'oidc-state',
        'Sign-in expired',
        'This sign-in was not started here, or took over 10 minutes; start again.',
      );
    }
    let claims: client.IDToken | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(
        provider,
        new URL(`${siteUrl}${callbackPath}${callbackUrl.search}`),
        {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        },
      );
      claims = tokens.claims();
    } catch (error) {
      throw new ProblemError(
        401,
        'oidc-refused',
        'Sign-in refused',
        `The provider's answer was not accepted: ${(error as Error).message}`,
      );
    }
    if (!claims) throw new ProblemError(401, 'oidc-refused', 'Sign-in refused', 'The provider sent no ID token.');
    const role = this.roleFrom(claims);
    if (role === 'none') {
      throw new ProblemError(
        403,
        'oidc-no-role',
        'No role',
        `Your account carries no role for Entente (claim "${this.config.roleClaim}").`,
      );
    }
    return { user: await this.userFor(claims, role), returnTo: pending.return_to };
  }

  /** The most trusted role that the claim grants, or the default. */
  private roleFrom(claims: client.IDToken): Role | 'none' {
    const value = claims[this.config.roleClaim];
    const values = (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
    const mapped = values.flatMap((item) => {
      const fromMap = this.config.roleMap.filter(([claim]) => claim === item).map(([, role]) => role);
      return fromMap.length ? fromMap : isRole(item) ? [item] : [];
    });
    if (!mapped.length) return this.config.defaultRole;
    return mapped.reduce((best, role) => (roleRank(role) > roleRank(best) ? role : best));
  }

  private async userFor(claims: client.IDToken, role: Role): Promise<SessionUser> {
    const subject = `${claims.iss}|${claims.sub}`;
    const [known] = await this.store.rows<{ id: string; username: string; role: Role; disabled: boolean }>(
      sql['users/by-subject'],
      [subject],
    );
    if (known) {
      if (known.disabled)
        throw new ProblemError(403, 'disabled', 'Account disabled', 'An admin disabled this account.');
      if (known.role !== role) {
        await this.store.transaction(async (tx) => {
          await tx.rows(sql['users/set-role'], [known.id, role]);
          await audit(tx, systemCaller, {
            action: 'user.role-from-sign-on',
            targetType: 'user',
            targetId: known.id,
            before: { role: known.role },
            after: { role },
          });
        });
      }
      return { id: known.id, username: known.username, role };
    }
    const named = [claims.preferred_username, claims.email].find((value): value is string => typeof value === 'string');
    const base = (named ?? claims.sub).slice(0, 56);
    for (let attempt = 0; attempt < 20; attempt++) {
      const username = attempt ? `${base}-${attempt + 1}` : base;
      const created = await this.users.create(systemCaller, {
        username,
        password: undefined,
        role,
        oidcSubject: subject,
      });
      if (created) return { id: created.id, username: created.username, role };
    }
    throw new ProblemError(409, 'username-taken', 'User name taken', `No free user name like "${base}".`);
  }
}
