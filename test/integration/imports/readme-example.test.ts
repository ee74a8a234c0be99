import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/config.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { finished, type Job } from '../../support/imports.js';

const run = promisify(execFile);
const db = connectTestDatabase();

describe("README's import example", () => {
  const app = testApp(db);
  let server: Server;
  let folder: string;

  beforeAll(async () => {
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    folder = await mkdtemp(path.join(tmpdir(), 'entente-readme-'));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(folder, { recursive: true, force: true });
    await db.close();
  });

  it('When the documented curl command is run as written, then the server takes the upload and dry-runs it', async () => {
    const readme = await readFile(path.join(projectRoot, 'README.md'), 'utf8');
    const command = /^curl .*\/api\/imports$/m.exec(readme)?.[0];
    expect(command).toBeDefined();
    await writeFile(path.join(folder, 'people.csv'), 'id,name,born\nreadme-1,Ada,1815\nreadme-2,Alan,1912\n');
    await writeFile(
      path.join(folder, 'people-mapping.json'),
      JSON.stringify({
        nodes: { labels: ['ReadmePerson'], id: 'id', caption: 'name' },
        properties: { born: 'integer' },
      }),
    );
    const { port } = server.address() as AddressInfo;
    const local = command!.replace('localhost:8080', `127.0.0.1:${port}`);
    const { stdout } = await run('sh', ['-c', `${local} -w '\\n%{http_code}'`], { cwd: folder });
    const [body, status] = stdout.split(/\n(?=\d+$)/);
    expect({ status, body }).toMatchObject({ status: '202' });
    const job = await finished(app, (JSON.parse(body!) as Job).id);
    expect(job.status).toBe('done');
    expect(job.counts.nodes).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(Number((await db.read('MATCH (n:ReadmePerson) RETURN count(n)')).records[0]!.get(0))).toBe(0);
  });
});
