import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { systemCaller } from '../../../server/accounts/caller.js';
import { Users } from '../../../server/accounts/users.js';
import { password, uniqueName } from '../../support/accounts.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/config.js';
import { startEntente, type EntenteProcess } from '../../support/process.js';
import { emptyStoreUrl, testStore } from '../../support/store.js';

const run = promisify(execFile);

describe('the first start with accounts', () => {
  let entente: EntenteProcess;
  beforeAll(async () => {
    entente = await startEntente({ ENTENTE_AUTH: 'on', DATABASE_URL: await emptyStoreUrl('first_start') });
  }, 90_000);
  afterAll(() => entente?.stop());

  it('When the store has no users and no admin password is set, then a one-time link signs the admin in to set one', async () => {
    const token = /sign-in#link=([\w-]+)/.exec(entente.output())?.[1];
    expect(token, entente.output()).toBeDefined();
    const opened = await fetch(`${entente.url}/api/session/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(opened.status).toBe(200);
    const me = (await opened.json()) as { username: string; role: string; csrfToken: string };
    expect(me).toMatchObject({ username: 'admin', role: 'admin' });
    const cookie = opened.headers.getSetCookie()[0]!.split(';')[0]!;
    const set = await fetch(`${entente.url}/api/me/password`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({ newPassword: 'the first admin passphrase' }),
    });
    expect(set.status).toBe(200);
    const signIn = await fetch(`${entente.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'the first admin passphrase' }),
    });
    expect(signIn.status).toBe(200);
  });
});

describe('a locked-out admin', () => {
  const db = connectTestDatabase();
  afterAll(() => db.close());

  it('When accounts:reset-link is run on the server, then it prints a link that signs the user in once', async () => {
    const username = uniqueName('locked');
    await new Users(testStore()).create(systemCaller, { username, password, role: 'admin' });
    const { stdout } = await run(
      process.execPath,
      [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'server/store/cli.ts', 'reset-link', username],
      { cwd: projectRoot, env: { PATH: process.env.PATH, DATABASE_URL: testStore().url } },
    );
    const token = /sign-in#link=([\w-]+)/.exec(stdout)?.[1];
    const app = testApp(db, { ENTENTE_AUTH: 'on' });
    const opened = await request(app).post('/api/session/link').send({ token }).expect(200);
    expect(opened.body).toMatchObject({ username, role: 'admin', via: 'link' });
  });
});

describe('starting beyond loopback', () => {
  it('When HOST is every address and accounts are not on, then Entente refuses to start in one line naming the setting', async () => {
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'server/index.ts'],
      {
        cwd: projectRoot,
        env: { PATH: process.env.PATH, HOST: '0.0.0.0', PORT: '0' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/ENTENTE_AUTH must be on when HOST is "0\.0\.0\.0"/);
  });
});
