import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../../server/accounts/caller.js';
import { Users } from '../../../server/accounts/users.js';
import { projectRoot } from '../../../server/config.js';
import { migrate } from '../../../server/store/migrate.js';
import { provisionStore, type ProvisionedStore } from '../../../server/store/provision.js';
import { Store } from '../../../server/store/store.js';
import { keyOf, password, signedIn, uniqueName } from '../../support/accounts.js';
import { problem } from '../../support/api.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { freePort } from '../../support/ports.js';
import { emptyStoreUrl, testStore } from '../../support/store.js';

const run = promisify(execFile);
const db = connectTestDatabase();
afterAll(() => db.close());

/** The store command as the README gives it (`npm run store:backup -- <file>`), on the store at `url`. */
function storeCommand(command: 'backup' | 'restore', file: string, url: string) {
  return run(
    process.execPath,
    [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'server/store/cli.ts', command, file],
    {
      cwd: projectRoot,
      env: { PATH: process.env.PATH, DATABASE_URL: url },
    },
  );
}

describe('backup and restore of the store', () => {
  let folder: string;
  let emptyUrl: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'entente-backup-'));
    emptyUrl = await emptyStoreUrl('restore');
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('When the store is backed up and restored into an empty one, then users, keys, sessions and saved queries are all back', async () => {
    const app = testApp(db, { ENTENTE_AUTH: 'on' });
    const analyst = await signedIn(app, 'analyst');
    const id = `test-${uniqueName('kept')}`;
    await analyst.agent
      .post('/api/queries')
      .set('x-csrf-token', analyst.csrf)
      .send({ id, name: 'Kept', query: 'RETURN 1 AS one' })
      .expect(201);
    const key = await keyOf('viewer', ['read']);
    const signIn = await request(app).post('/api/session').send({ username: analyst.username, password }).expect(200);
    const sessionCookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const file = path.join(folder, 'store.json');

    const backup = await storeCommand('backup', file, testStore().url);
    expect(backup.stderr).toMatch(/Backed up \d+ users/);
    const restore = await storeCommand('restore', file, emptyUrl);
    expect(restore.stderr).toMatch(/Restored \d+ users/);

    const restored = new Store(emptyUrl);
    try {
      const restoredApp = testApp(db, { ENTENTE_AUTH: 'on' }, restored);
      await request(restoredApp).post('/api/session').send({ username: analyst.username, password }).expect(200);
      expect(
        (await request(restoredApp).get(`/api/queries/${id}`).set('authorization', `Bearer ${key}`).expect(200)).body,
      ).toMatchObject({ name: 'Kept', owner: analyst.username });
      expect((await request(restoredApp).get('/api/me').set('cookie', sessionCookie)).body.username).toBe(
        analyst.username,
      );
      // A second restore into the now-populated store is refused and changes nothing.
      await expect(storeCommand('restore', file, emptyUrl)).rejects.toThrow(/not empty/);
      const [audit] = await restored.rows<{ count: number }>(
        "SELECT count(*)::int AS count FROM audit_log WHERE action = 'store.restore'",
      );
      expect(audit!.count).toBe(1);
    } finally {
      await restored.close();
    }
  });
});

describe('a store that dies or refuses a write', () => {
  let folder: string;
  let provisioned: ProvisionedStore;
  let port: number;
  let store: Store;

  const start = async () => {
    provisioned = await provisionStore({ url: undefined, embedded: { home: path.join(folder, 'postgres'), port } });
  };

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'entente-outage-'));
    port = await freePort();
    await start();
    store = new Store(provisioned.url);
    await migrate(store);
  });
  afterAll(async () => {
    await store.close();
    await provisioned.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('When the store is down, then single-user graph reads go on, everything else is a 503 problem, and all recovers', async () => {
    const singleUser = testApp(db, {}, store);
    const accounts = testApp(db, { ENTENTE_AUTH: 'on' }, store);
    await request(singleUser).get('/api/queries').expect(200);
    await provisioned.stop();

    await request(singleUser).get('/api/schema').expect(200);
    await request(singleUser).get('/api/search?q=micro').expect(200);
    const queries = await request(singleUser).get('/api/queries');
    expect(queries.status).toBe(503);
    expect(problem(queries).type).toBe('/problems/store-unavailable');
    const signIn = await request(accounts).post('/api/session').send({ username: 'x', password: 'y' });
    expect(problem(signIn).type).toBe('/problems/store-unavailable');
    expect((await request(accounts).get('/api/schema')).status).toBe(503);

    await start();
    await request(singleUser).get('/api/queries').expect(200);
    await request(accounts).get('/api/me').expect(200);
  });

  it('When the audit entry of a write cannot be written, then the write itself is not kept', async () => {
    await store.rows(
      `CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit refused'; END $$`,
    );
    await store.rows(
      'CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()',
    );
    const users = new Users(store);
    const username = uniqueName('ghost');
    await expect(users.create(systemCaller, { username, password, role: 'viewer' })).rejects.toThrow(/audit refused/);
    await expect(
      request(testApp(db, {}, store))
        .post('/api/queries')
        .send({ id: 'test-ghost', name: 'Ghost', query: 'RETURN 1 AS one' }),
    ).resolves.toMatchObject({ status: 500 });
    await store.rows('DROP TRIGGER refuse_audit ON audit_log');
    expect((await users.list()).map((user) => user.username)).not.toContain(username);
    await request(testApp(db, {}, store))
      .get('/api/queries/test-ghost')
      .expect(404);
  });
});
