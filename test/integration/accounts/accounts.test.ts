import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { systemCaller } from '../../../server/accounts/caller.js';
import { loginLimits } from '../../../server/accounts/sign-in.js';
import { Users } from '../../../server/accounts/users.js';
import { keyOf, keyParts, password, signedIn, uniqueName } from '../../support/accounts.js';
import { problem, useApi } from '../../support/api.js';
import { testStore } from '../../support/store.js';

const context = useApi({ ENTENTE_AUTH: 'on' });
const store = testStore();
const users = new Users(store);

/** The `entente_session=…` pair that a response sets. */
function sessionCookieOf(response: request.Response): string {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const pair = cookies.map((cookie) => cookie.split(';')[0]!).find((cookie) => cookie.startsWith('entente_session='));
  if (!pair) throw new Error(`No session cookie in ${response.status} ${response.text}`);
  return pair;
}

async function auditOf(action: string, targetId: string) {
  return store.rows<{ actor_name: string; before: unknown; after: unknown }>(
    'SELECT actor_name, before, after FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id',
    [action, targetId],
  );
}

describe('signing in', () => {
  it('When a user signs in, then /api/me names them and their role, and the cookie is HttpOnly and SameSite', async () => {
    const username = uniqueName('ada');
    await users.create(systemCaller, { username, password, role: 'analyst' });
    const agent = request.agent(context.app);
    const response = await agent.post('/api/session').send({ username, password }).expect(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/entente_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await agent.get('/api/me').expect(200);
    expect(me.body).toMatchObject({ username, role: 'analyst', mode: 'accounts' });
    expect(me.body.csrfToken).toBe(response.body.csrfToken);
  });

  it('When the password is wrong or the user unknown, then both get the same 401 in a comparable time', async () => {
    const username = uniqueName('bea');
    await users.create(systemCaller, { username, password, role: 'viewer' });
    const timed = async (body: object) => {
      const started = performance.now();
      const response = await request(context.app).post('/api/session').send(body);
      return { response, ms: performance.now() - started };
    };
    const wrong = await timed({ username, password: 'not the password at all' });
    const unknown = await timed({ username: uniqueName('nobody'), password: 'not the password at all' });
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(problem(wrong.response)).toEqual(problem(unknown.response));
    // Both derive a scrypt key (the unknown user against a decoy hash): neither answers in a fraction of the other.
    const ratio = Math.max(wrong.ms, unknown.ms) / Math.min(wrong.ms, unknown.ms);
    expect(ratio).toBeLessThan(5);
  });

  it('When an account keeps failing, then it is throttled with a 429, even with the right password', async () => {
    const username = uniqueName('cy');
    await users.create(systemCaller, { username, password, role: 'viewer' });
    for (let attempt = 0; attempt < loginLimits.perAccount; attempt++) {
      await request(context.app).post('/api/session').send({ username, password: 'wrong wrong wrong' }).expect(401);
    }
    const blocked = await request(context.app).post('/api/session').send({ username, password });
    expect(blocked.status).toBe(429);
    expect(problem(blocked).type).toBe('/problems/sign-in-throttled');
  });

  it('When a session id was planted before sign-in, then signing in replaces it (no fixation)', async () => {
    const [first, second] = [uniqueName('dee'), uniqueName('dan')];
    await users.create(systemCaller, { username: first, password, role: 'viewer' });
    await users.create(systemCaller, { username: second, password, role: 'analyst' });
    const planted = sessionCookieOf(
      await request(context.app).post('/api/session').send({ username: first, password }),
    );
    const renewed = await request(context.app)
      .post('/api/session')
      .set('cookie', planted)
      .send({ username: second, password })
      .expect(200);
    expect(sessionCookieOf(renewed)).not.toBe(planted);
    expect((await request(context.app).get('/api/me').set('cookie', planted)).body.username).toBeNull();
    expect((await request(context.app).get('/api/me').set('cookie', sessionCookieOf(renewed))).body.username).toBe(
      second,
    );
  });

  it('When a user signs out, then the stolen cookie no longer works', async () => {
    const username = uniqueName('fay');
    await users.create(systemCaller, { username, password, role: 'analyst' });
    const signIn = await request(context.app).post('/api/session').send({ username, password }).expect(200);
    const stolen = sessionCookieOf(signIn);
    await request(context.app)
      .delete('/api/session')
      .set('cookie', stolen)
      .set('x-csrf-token', signIn.body.csrfToken)
      .expect(200);
    expect((await request(context.app).get('/api/me').set('cookie', stolen)).body.username).toBeNull();
    expect((await request(context.app).get('/api/schema').set('cookie', stolen)).status).toBe(401);
  });
});

describe('sessions', () => {
  it('When a user has two sessions, then both are listed and revoking one ends it while the other goes on', async () => {
    const username = uniqueName('gus');
    await users.create(systemCaller, { username, password, role: 'viewer' });
    const laptop = await request(context.app).post('/api/session').send({ username, password }).expect(200);
    const phone = await request(context.app).post('/api/session').send({ username, password }).expect(200);
    const [laptopCookie, phoneCookie] = [sessionCookieOf(laptop), sessionCookieOf(phone)];
    const { body } = await request(context.app).get('/api/sessions').set('cookie', laptopCookie).expect(200);
    expect(body.sessions).toHaveLength(2);
    const other = body.sessions.find((session: { current: boolean }) => !session.current);
    await request(context.app)
      .delete(`/api/sessions/${other.id}`)
      .set('cookie', laptopCookie)
      .set('x-csrf-token', laptop.body.csrfToken)
      .expect(200);
    expect((await request(context.app).get('/api/me').set('cookie', phoneCookie)).body.username).toBeNull();
    expect((await request(context.app).get('/api/me').set('cookie', laptopCookie)).body.username).toBe(username);
    // Another viewer cannot revoke this one's session.
    const stranger = await signedIn(context.app, 'viewer');
    const mine = (await request(context.app).get('/api/sessions').set('cookie', laptopCookie)).body.sessions[0];
    await stranger.agent.delete(`/api/sessions/${mine.id}`).set('x-csrf-token', stranger.csrf).expect(404);
  });
});

describe('writes and their protection', () => {
  it('When a cookie-signed write lacks the CSRF token or comes from another origin, then it is a 403', async () => {
    const analyst = await signedIn(context.app, 'analyst');
    const draft = { id: `test-${uniqueName('csrf')}`, name: 'CSRF', query: 'RETURN 1 AS one' };
    const noToken = await analyst.agent.post('/api/queries').send(draft);
    expect(problem(noToken).type).toBe('/problems/csrf');
    const crossSite = await analyst.agent
      .post('/api/queries')
      .set('x-csrf-token', analyst.csrf)
      .set('origin', 'https://evil.example')
      .send(draft);
    expect(problem(crossSite).type).toBe('/problems/cross-origin');
    await analyst.agent.post('/api/queries').set('x-csrf-token', analyst.csrf).send(draft).expect(201);
    const [entry] = await auditOf('query.create', draft.id);
    expect(entry).toMatchObject({ actor_name: analyst.username, before: null, after: { name: 'CSRF' } });
    await store.rows('DELETE FROM saved_queries WHERE id = $1', [draft.id]);
  });

  it("When a viewer runs queries, then the shipped ones answer and a user's saved one is refused", async () => {
    const analyst = await signedIn(context.app, 'analyst');
    const viewer = await signedIn(context.app, 'viewer');
    const id = `test-${uniqueName('viewer-run')}`;
    await analyst.agent
      .post('/api/queries')
      .set('x-csrf-token', analyst.csrf)
      .send({ id, name: 'Mine', query: 'RETURN 1 AS one' })
      .expect(201);
    await viewer.agent
      .post('/api/queries/company-deals/run')
      .set('x-csrf-token', viewer.csrf)
      .send({ params: { company: 'openai' } })
      .expect(200);
    const refused = await viewer.agent.post(`/api/queries/${id}/run`).set('x-csrf-token', viewer.csrf).send({});
    expect(problem(refused).type).toBe('/problems/not-permitted');
    await analyst.agent.post(`/api/queries/${id}/run`).set('x-csrf-token', analyst.csrf).send({}).expect(200);
    await store.rows('DELETE FROM saved_queries WHERE id = $1', [id]);
  });

  it("When a user changes another's saved query, then it is a 403, and its owner or an admin may", async () => {
    const owner = await signedIn(context.app, 'analyst');
    const other = await signedIn(context.app, 'analyst');
    const admin = await signedIn(context.app, 'admin');
    const id = `test-${uniqueName('owned')}`;
    const fields = { name: 'Owned', query: 'RETURN 1 AS one' };
    await owner.agent
      .post('/api/queries')
      .set('x-csrf-token', owner.csrf)
      .send({ id, ...fields })
      .expect(201);
    const theft = await other.agent
      .put(`/api/queries/${id}`)
      .set('x-csrf-token', other.csrf)
      .send({ ...fields, version: 1 });
    expect(problem(theft).type).toBe('/problems/not-owner');
    await admin.agent.delete(`/api/queries/${id}?version=1`).set('x-csrf-token', admin.csrf).expect(200);
  });

  it('When the last admin would lose the role, be disabled or deleted, then it is refused, also for two at once', async () => {
    const admins = await store.rows<{ id: string }>("SELECT id FROM users WHERE role = 'admin' AND NOT disabled");
    const extra = await signedIn(context.app, 'admin');
    // Leave exactly two admins: the extra one and a second; then both demote each other at once.
    const second = await signedIn(context.app, 'admin');
    for (const { id } of admins) await users.update(systemCaller, id, { role: 'editor' });
    const [a, b] = await Promise.all([
      extra.agent.patch(`/api/users/${second.userId}`).set('x-csrf-token', extra.csrf).send({ role: 'viewer' }),
      second.agent.patch(`/api/users/${extra.userId}`).set('x-csrf-token', second.csrf).send({ role: 'viewer' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409].sort((x, y) => x - y));
    const survivor = a.status === 200 ? extra : second;
    const self = await survivor.agent
      .patch(`/api/users/${survivor.userId}`)
      .set('x-csrf-token', survivor.csrf)
      .send({ role: 'analyst' });
    expect(problem(self).type).toBe('/problems/last-admin');
    const deleted = await survivor.agent.delete(`/api/users/${survivor.userId}`).set('x-csrf-token', survivor.csrf);
    expect(problem(deleted).type).toBe('/problems/last-admin');
    for (const { id } of admins) await users.update(systemCaller, id, { role: 'admin' });
  });

  it('When an admin resets a password by a one-time link, then it signs in once and lets the user set a new one', async () => {
    const admin = await signedIn(context.app, 'admin');
    const user = await signedIn(context.app, 'editor');
    const link = await admin.agent
      .post(`/api/users/${user.userId}/reset-link`)
      .set('x-csrf-token', admin.csrf)
      .expect(200);
    const token = String(link.body.url).split('#link=')[1]!;
    const agent = request.agent(context.app);
    const opened = await agent.post('/api/session/link').send({ token }).expect(200);
    expect(opened.body).toMatchObject({ username: user.username, via: 'link' });
    await request(context.app).post('/api/session/link').send({ token }).expect(401);
    await agent
      .put('/api/me/password')
      .set('x-csrf-token', opened.body.csrfToken)
      .send({ newPassword: 'a brand new passphrase' })
      .expect(200);
    // The new password ends the user's older sessions and works for signing in.
    expect((await user.agent.get('/api/me')).body.username).toBeNull();
    await request(context.app)
      .post('/api/session')
      .send({ username: user.username, password: 'a brand new passphrase' })
      .expect(200);
  });
});

describe('API keys', () => {
  it('When a key is created, then it is shown once, stored hashed, used as a bearer, and its use is recorded', async () => {
    const analyst = await signedIn(context.app, 'analyst');
    const created = await analyst.agent
      .post('/api/keys')
      .set('x-csrf-token', analyst.csrf)
      .send({ name: 'script', scopes: ['read'] })
      .expect(201);
    const key = String(created.body.key);
    expect(key).toMatch(/^ent_/);
    const [row] = await store.rows<{ secret_hash: Buffer }>('SELECT secret_hash FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    expect(row!.secret_hash.toString('utf8')).not.toContain(keyParts(key).secret);
    const listed = await analyst.agent.get('/api/keys').expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(keyParts(key).secret);

    await request(context.app).get('/api/schema').set('authorization', `Bearer ${key}`).expect(200);
    const used = await analyst.agent.get('/api/keys').expect(200);
    expect(used.body.keys.find((k: { id: string }) => k.id === created.body.id).lastUsedAt).not.toBeNull();
    // Beyond its scope: the console needs `query`, which this key lacks although its owner's role holds it.
    const beyond = await request(context.app)
      .post('/api/cypher')
      .set('authorization', `Bearer ${key}`)
      .send({ query: 'RETURN 1' });
    expect(problem(beyond).type).toBe('/problems/not-permitted');
  });

  it('When a key asks for scopes beyond its owner’s role, then it is refused', async () => {
    const viewer = await signedIn(context.app, 'viewer');
    const response = await viewer.agent
      .post('/api/keys')
      .set('x-csrf-token', viewer.csrf)
      .send({ name: 'greedy', scopes: ['read', 'admin'] });
    expect(response.status).toBe(403);
    expect(problem(response).detail).toMatch(/admin/);
  });

  it('When a key is revoked or expired, then it is a 401 saying so', async () => {
    const key = await keyOf('editor', ['read']);
    await request(context.app).get('/api/schema').set('authorization', `Bearer ${key}`).expect(200);
    const prefix = keyParts(key).prefix;
    await store.rows("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE prefix = $1", [prefix]);
    const expired = await request(context.app).get('/api/schema').set('authorization', `Bearer ${key}`);
    expect(problem(expired).detail).toMatch(/expired/);
    await store.rows('UPDATE api_keys SET expires_at = NULL, revoked_at = now() WHERE prefix = $1', [prefix]);
    const revoked = await request(context.app).get('/api/schema').set('authorization', `Bearer ${key}`);
    expect(problem(revoked).detail).toMatch(/revoked/);
    const garbage = await request(context.app).get('/api/schema').set('authorization', 'Bearer ent_nonsense');
    expect(garbage.status).toBe(401);
  });

  it('When a key’s owner is demoted, then the key loses the scopes the new role lacks', async () => {
    const admin = await signedIn(context.app, 'admin');
    const key = await keyOf('admin', ['read', 'admin']);
    await request(context.app).get('/api/users').set('authorization', `Bearer ${key}`).expect(200);
    const [owner] = await store.rows<{ user_id: string }>('SELECT user_id FROM api_keys WHERE prefix = $1', [
      keyParts(key).prefix,
    ]);
    await admin.agent
      .patch(`/api/users/${owner!.user_id}`)
      .set('x-csrf-token', admin.csrf)
      .send({ role: 'viewer' })
      .expect(200);
    expect((await request(context.app).get('/api/users').set('authorization', `Bearer ${key}`)).status).toBe(403);
    await request(context.app).get('/api/schema').set('authorization', `Bearer ${key}`).expect(200);
  });
});

describe('anonymous callers and the audit log', () => {
  it('When anonymous read is off, then a graph read is a 401; when an admin turns it on, then it is allowed and the console is not', async () => {
    const admin = await signedIn(context.app, 'admin');
    expect(problem(await request(context.app).get('/api/schema')).status).toBe(401);
    await admin.agent.put('/api/settings').set('x-csrf-token', admin.csrf).send({ anonymousRead: true }).expect(200);
    try {
      await request(context.app).get('/api/schema').expect(200);
      expect((await request(context.app).post('/api/cypher').send({ query: 'RETURN 1' })).status).toBe(401);
    } finally {
      await admin.agent.put('/api/settings').set('x-csrf-token', admin.csrf).send({ anonymousRead: false }).expect(200);
    }
  });

  it('When an admin reads the audit log, then user changes are there with before and after; others get a 403', async () => {
    const admin = await signedIn(context.app, 'admin');
    const created = await admin.agent
      .post('/api/users')
      .set('x-csrf-token', admin.csrf)
      .send({ username: uniqueName('eve'), role: 'viewer' })
      .expect(201);
    await admin.agent
      .patch(`/api/users/${created.body.id}`)
      .set('x-csrf-token', admin.csrf)
      .send({ role: 'analyst' })
      .expect(200);
    const { body } = await admin.agent.get('/api/audit?action=user.').expect(200);
    const change = body.entries.find(
      (entry: { action: string; target: { id: string } }) =>
        entry.action === 'user.update' && entry.target.id === created.body.id,
    );
    expect(change).toMatchObject({
      actor: { name: admin.username },
      before: { role: 'viewer' },
      after: { role: 'analyst' },
    });
    const viewer = await signedIn(context.app, 'viewer');
    expect((await viewer.agent.get('/api/audit')).status).toBe(403);
    // Append-only in the store itself, whoever connects.
    await expect(store.rows('DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)')).rejects.toThrow(
      /append-only/,
    );
  });
});
