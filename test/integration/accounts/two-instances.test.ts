import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../../server/accounts/caller.js';
import { loginLimits } from '../../../server/accounts/sign-in.js';
import { Users } from '../../../server/accounts/users.js';
import { password, uniqueName } from '../../support/accounts.js';
import { startEntente, type EntenteProcess } from '../../support/process.js';
import { testStore } from '../../support/store.js';

/** A client that keeps one cookie, like a browser tab that a load balancer sends to either instance. */
function browser() {
  let cookie = '';
  let csrf = '';
  return {
    async send(base: string, method: string, path: string, body?: unknown) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const set = response.headers.getSetCookie().find((value) => value.startsWith('entente_session='));
      if (set) cookie = set.split(';')[0]!;
      const json = (await response.json()) as Record<string, unknown>;
      if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
      return { status: response.status, body: json };
    },
  };
}

describe('two Entente processes on one store and one Neo4j', () => {
  let a: EntenteProcess;
  let b: EntenteProcess;
  const username = uniqueName('twin');

  beforeAll(async () => {
    await new Users(testStore()).create(systemCaller, { username, password, role: 'analyst' });
    const env = { ENTENTE_AUTH: 'on', CYPHER_RATE_LIMIT_PER_MINUTE: '6' };
    [a, b] = await Promise.all([startEntente(env), startEntente(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await testStore().rows("DELETE FROM saved_queries WHERE id LIKE 'test-twin-%'");
  });

  it('When a user signs in on one, then the session works on the other, and a query saved on one is listed by the other', async () => {
    const tab = browser();
    expect((await tab.send(a.url, 'POST', '/api/session', { username, password })).status).toBe(200);
    expect((await tab.send(b.url, 'GET', '/api/me')).body).toMatchObject({ username, role: 'analyst' });
    const id = `test-twin-${Date.now()}`;
    expect((await tab.send(b.url, 'POST', '/api/queries', { id, name: 'Twin', query: 'RETURN 1 AS one' })).status).toBe(
      201,
    );
    const listed = await tab.send(a.url, 'GET', '/api/queries');
    expect((listed.body.queries as { id: string }[]).map((query) => query.id)).toContain(id);
    // Signing out on one ends the session on both.
    expect((await tab.send(a.url, 'DELETE', '/api/session')).status).toBe(200);
    expect((await tab.send(b.url, 'GET', '/api/me')).body.username).toBeNull();
  });

  it('When one caller spreads console runs over both, then the rate limit counts them together', async () => {
    const tab = browser();
    await tab.send(b.url, 'POST', '/api/session', { username, password });
    const statuses: number[] = [];
    for (let run = 0; run < 8; run++) {
      const instance = run % 2 ? b : a;
      statuses.push((await tab.send(instance.url, 'POST', '/api/cypher', { query: 'RETURN 1 AS one' })).status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(6);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('When sign-ins fail on both, then the throttle counts them together', async () => {
    const target = uniqueName('twin-throttle');
    await new Users(testStore()).create(systemCaller, { username: target, password, role: 'viewer' });
    for (let attempt = 0; attempt < loginLimits.perAccount; attempt++) {
      const instance = attempt % 2 ? b : a;
      expect(
        (await browser().send(instance.url, 'POST', '/api/session', { username: target, password: 'wrong' })).status,
      ).toBe(401);
    }
    expect((await browser().send(a.url, 'POST', '/api/session', { username: target, password })).status).toBe(429);
    expect((await browser().send(b.url, 'POST', '/api/session', { username: target, password })).status).toBe(429);
  });
});
