import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupStore, restoreStore } from '../../../server/store/backup.js';
import { Store } from '../../../server/store/store.js';
import { migrate } from '../../../server/store/migrate.js';
import { signedIn } from '../../support/accounts.js';
import { problem } from '../../support/api.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase } from '../../support/graphs.js';
import { imported, upload } from '../../support/imports.js';
import { emptyStoreUrl, testStore } from '../../support/store.js';

const db = connectTestDatabase();

const people = {
  nodes: { labels: ['MappedPerson'], id: 'id', caption: 'name' },
  properties: { born: 'date' },
  source: { column: 'sources' },
};

interface Saved {
  name: string;
  description: string;
  version: number;
  owner: string;
  mapping: typeof people & { keys: Record<string, string> };
}

async function actions(name: string) {
  const rows = await testStore().rows<{ action: string }>(
    "SELECT action FROM audit_log WHERE target_type = 'import-mapping' AND target_id = $1 ORDER BY id",
    [name],
  );
  return rows.map((row) => row.action);
}

describe('saved import mappings', () => {
  const app = testApp(db, { ENTENTE_AUTH: 'on' });

  beforeAll(async () => {
    await emptyDatabase(db);
  });
  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When an editor saves, lists, loads, changes and deletes a mapping, then each write is versioned and audited', async () => {
    const editor = await signedIn(app, 'editor');
    const send = (pending: request.Test) => pending.set('x-csrf-token', editor.csrf);
    const name = `people ${Date.now()}`;
    const path = `/api/import-mappings/${encodeURIComponent(name)}`;

    const created = (await send(editor.agent.post('/api/import-mappings')).send({ name, mapping: people }).expect(201))
      .body as Saved;
    expect(created).toMatchObject({ name, version: 1, description: '', owner: editor.username });
    expect(created.mapping).toMatchObject(people);
    expect(created.mapping.keys).toEqual({});

    const again = await send(editor.agent.post('/api/import-mappings')).send({ name, mapping: people }).expect(409);
    expect(problem(again).type).toBe('/problems/exists');

    const list = (await editor.agent.get('/api/import-mappings').expect(200)).body as { mappings: Saved[] };
    expect(list.mappings.map((mapping) => mapping.name)).toContain(name);
    expect(((await editor.agent.get(path).expect(200)).body as Saved).mapping).toEqual(created.mapping);

    const changedMapping = { ...people, properties: { born: 'text' } };
    const changed = (
      await send(editor.agent.put(path))
        .send({ description: 'born as text', mapping: changedMapping, version: 1 })
        .expect(200)
    ).body as Saved;
    expect(changed).toMatchObject({ version: 2, description: 'born as text' });
    expect(changed.mapping.properties).toEqual({ born: 'text' });

    const stale = await send(editor.agent.put(path)).send({ mapping: people, version: 1 }).expect(409);
    expect(problem(stale).type).toBe('/problems/stale-version');
    await send(editor.agent.delete(`${path}?version=1`)).expect(409);
    expect(((await editor.agent.get(path).expect(200)).body as Saved).version).toBe(2);

    await send(editor.agent.delete(`${path}?version=2`)).expect(200);
    await editor.agent.get(path).expect(404);
    await send(editor.agent.delete(`${path}?version=2`)).expect(404);
    expect(await actions(name)).toEqual(['import-mapping.create', 'import-mapping.update', 'import-mapping.delete']);
  });

  it('When a mapping or its name is bad, then it is a 400 naming the field and nothing is saved', async () => {
    const editor = await signedIn(app, 'editor');
    const post = (body: unknown) =>
      editor.agent
        .post('/api/import-mappings')
        .set('x-csrf-token', editor.csrf)
        .send(body as object);
    const badLabel = await post({ name: 'own-label', mapping: { nodes: { labels: ['_EntenteX'], id: 'id' } } }).expect(
      400,
    );
    expect(problem(badLabel).errors).toEqual([
      { location: 'body.mapping.nodes.labels.0', message: expect.stringContaining('_Entente') },
    ]);
    const badName = await post({ name: '../etc', mapping: people }).expect(400);
    expect(problem(badName).errors).toEqual([expect.objectContaining({ location: 'body.name' })]);
    await post({
      name: 'both',
      mapping: { ...people, relationships: { type: 'X', from: { column: 'a' }, to: { column: 'b' } } },
    }).expect(400);
    const [row] = await testStore().rows<{ count: number }>(
      "SELECT count(*)::int AS count FROM import_mappings WHERE name IN ('own-label', 'both')",
    );
    expect(row!.count).toBe(0);
  });

  it('When an upload names a saved mapping, then the import uses it; an unknown name is a 404 and both at once a 400', async () => {
    // Single-user mode (no sign-in), where the job can be followed without a session.
    const open = testApp(db);
    const name = `people-upload-${Date.now()}`;
    await request(open).post('/api/import-mappings').send({ name, mapping: people }).expect(201);
    const csv =
      'id,name,born,sources\np1,Ada,1815-12-10,https://example.org/ada\np2,Alan,1912-06-23,https://example.org/alan\n';
    const job = await imported(open, 'people.csv', csv, { mappingName: name });
    expect({ status: job.status, failure: job.failure, errors: job.errors }).toEqual({
      status: 'done',
      failure: null,
      errors: [],
    });
    expect(job.counts.nodes.created).toBe(2);
    const { records } = await db.read("MATCH (p:MappedPerson {id: 'p1'}) RETURN p.name AS name, p.sources AS sources");
    expect(records[0]!.get('name')).toBe('Ada');
    expect(records[0]!.get('sources')).toEqual(['https://example.org/ada']);

    const unknown = await upload(open, 'people.csv', csv, { mappingName: 'nobody-saved-this' });
    expect(unknown.status).toBe(404);
    const both = await upload(open, 'people.csv', csv, { mappingName: name, mapping: people });
    expect(both.status).toBe(400);
    expect(problem(both).errors).toEqual([expect.objectContaining({ location: 'body.mappingName' })]);
  });

  it('When a viewer or an analyst reads or saves mappings, then it is refused (403)', async () => {
    for (const role of ['viewer', 'analyst'] as const) {
      const user = await signedIn(app, role);
      await user.agent.get('/api/import-mappings').expect(403);
      await user.agent
        .post('/api/import-mappings')
        .set('x-csrf-token', user.csrf)
        .send({ name: `by-${role}`, mapping: people })
        .expect(403);
    }
  });

  it('When the store is backed up and restored, then saved mappings come back', async () => {
    const editor = await signedIn(app, 'editor');
    const name = `kept-${Date.now()}`;
    await editor.agent
      .post('/api/import-mappings')
      .set('x-csrf-token', editor.csrf)
      .send({ name, description: 'kept', mapping: people })
      .expect(201);
    const backup = await backupStore(testStore());
    expect(backup.importMappings).toContainEqual(expect.objectContaining({ name, description: 'kept' }));
    const restored = new Store(await emptyStoreUrl('mappings'));
    try {
      await migrate(restored);
      const counts = await restoreStore(restored, JSON.parse(JSON.stringify(backup)));
      expect(counts.importMappings).toBe(backup.importMappings.length);
      const [row] = await restored.rows<{ mapping: unknown; version: number }>(
        'SELECT mapping, version FROM import_mappings WHERE name = $1',
        [name],
      );
      expect(row).toEqual({ mapping: expect.objectContaining({ nodes: people.nodes }), version: 1 });
    } finally {
      await restored.close();
    }
  });
});
