import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { projectRoot } from '../../../server/config.js';
import { connectTestDatabase } from '../../support/database.js';
import { testStore } from '../../support/store.js';
import { systemCaller } from '../../../server/accounts/caller.js';
import { mappingSchema } from '../../../server/imports/mapping.js';
import { ImportMappings } from '../../../server/imports/mappings.store.js';
import { writeDegreeOrder } from '../../../server/nodes/degree-order.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';

const run = promisify(execFile);
const db = connectTestDatabase();

/** `npm run import -- …` as a script would run it, on the run's Neo4j and store. */
async function importCommand(...args: string[]) {
  const neo4j = inject('neo4j');
  return run(
    process.execPath,
    [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), 'server/imports/cli.ts', ...args],
    {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password,
        DATABASE_URL: inject('storeUrl'),
      },
    },
  ).catch((error: { code: number; stdout: string; stderr: string }) => error);
}

describe('npm run import', () => {
  let folder: string;

  beforeAll(async () => {
    await emptyDatabase(db);
    folder = await mkdtemp(path.join(tmpdir(), 'entente-import-cli-'));
    await writeFile(path.join(folder, 'cities.csv'), 'code,name,founded\nlyo,Lyon,-43\npar,Paris,\n');
    await writeFile(
      path.join(folder, 'mapping.json'),
      JSON.stringify({ nodes: { labels: ['City'], id: 'code', caption: 'name' }, dating: { start: 'founded' } }),
    );
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
    await emptyDatabase(db);
    await db.close();
  });

  it('When a file and a mapping are given, then the same engine imports it, and --rollback takes it back', async () => {
    const result = await importCommand(path.join(folder, 'cities.csv'), '--mapping', path.join(folder, 'mapping.json'));
    const output = JSON.parse(result.stdout) as { id: string; status: string; counts: { nodes: { created: number } } };
    expect(output.status).toBe('done');
    expect(output.counts.nodes.created).toBe(1);
    expect(result.stderr).toMatch(/line 2: founded: "-43" is not a date/);
    const { records } = await db.read("MATCH (c:City {id: 'par'}) RETURN c.name AS name");
    expect(records[0]!.get('name')).toBe('Paris');

    const back = await importCommand('--rollback', output.id);
    expect(back.stdout).toContain('rolled-back');
    const gone = await db.read('MATCH (c:City) RETURN count(c) AS count');
    expect(Number(gone.records[0]!.get('count'))).toBe(0);
  }, 120_000);

  it('When --mapping names a mapping saved in the store, then the command imports with it; an unknown name exits 1', async () => {
    const name = `cities-${Date.now()}`;
    await new ImportMappings(testStore()).create(
      systemCaller,
      name,
      '',
      mappingSchema.parse({ nodes: { labels: ['SavedCity'], id: 'code', caption: 'name' } }),
    );
    const result = await importCommand(path.join(folder, 'cities.csv'), '--mapping', name);
    const output = JSON.parse(result.stdout) as { status: string; counts: { nodes: { created: number } } };
    expect(output.status).toBe('done');
    expect(output.counts.nodes.created).toBe(2);
    const { records } = await db.read("MATCH (c:SavedCity {id: 'lyo'}) RETURN c.name AS name");
    expect(records[0]!.get('name')).toBe('Lyon');

    const unknown = (await importCommand(path.join(folder, 'cities.csv'), '--mapping', 'no-such-mapping')) as {
      code?: number;
      stderr: string;
    };
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no-such-mapping: no such mapping file, nor a saved mapping/);
  }, 120_000);

  it('When a file adds to a label with a stored degree order, then the command writes the order again, as the API does', async () => {
    await loadGraph(db, [
      "CREATE (a:Ranked {id: 'r1'})-[:NEXT]->(:Ranked {id: 'r2'}), (a)-[:NEXT]->(:Ranked {id: 'r3'})",
    ]);
    await writeDegreeOrder(db, 'Ranked');
    await writeFile(path.join(folder, 'ranked.csv'), 'id\nr4\n');
    await writeFile(path.join(folder, 'ranked.json'), JSON.stringify({ nodes: { labels: ['Ranked'], id: 'id' } }));
    const result = await importCommand(path.join(folder, 'ranked.csv'), '--mapping', path.join(folder, 'ranked.json'));
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 'done' });
    const { records } = await db.read(
      'MATCH (n:Ranked) RETURN n.id AS id, n._entente_degree AS degree, n._entente_degreeStamp AS stamp ORDER BY id',
    );
    expect(records.map((record) => [record.get('id'), Number(record.get('degree'))])).toEqual([
      ['r1', 2],
      ['r2', 1],
      ['r3', 1],
      ['r4', 0],
    ]);
    // Each stamp is the order's current one: the label's four nodes, counted again after the import.
    expect(records.map((record) => (record.get('stamp') as unknown[]).map(Number)[1])).toEqual([4, 4, 4, 4]);
  }, 120_000);

  it('When the mapping is wrong, then the command says where and exits 1', async () => {
    await writeFile(path.join(folder, 'bad.json'), JSON.stringify({ nodes: { labels: [], id: 'code' } }));
    const result = (await importCommand(
      path.join(folder, 'cities.csv'),
      '--mapping',
      path.join(folder, 'bad.json'),
    )) as {
      code?: number;
      stderr: string;
    };
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nodes\.labels/);
  }, 60_000);
});
