import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problem } from '../../support/api.js';
import { testApp } from '../../support/app.js';
import { signedIn } from '../../support/accounts.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';
import { dumpGraph, finished, imported, upload, type Job } from '../../support/imports.js';
import { testStore } from '../../support/store.js';

const db = connectTestDatabase();

const many = (count: number, value: string, prefix = 'm') =>
  ['id,name,v', ...Array.from({ length: count }, (_, i) => `${prefix}${i},Item ${i},${value}`)].join('\n');
const itemMapping = { nodes: { labels: ['Item'], id: 'id', caption: 'name' }, properties: { v: 'text' } };

async function count(cypher: string) {
  return Number((await db.read(cypher)).records[0]!.get(0));
}

describe('import jobs: dry run, progress, cancel, overlap, permissions', () => {
  const app = testApp(db);

  beforeAll(async () => {
    await loadGraph(db, [
      "CREATE (:Item {id: 'm0', name: 'Original zero', v: 'kept'})",
      "CREATE (:Org {id: 'o1', name: 'Twin'}), (:Org {id: 'o2', name: 'Twin'}), (:Org {id: 'o3', name: 'Single'})",
    ]);
  });
  it('When a file is dry-run, then it says what would be created, updated and rejected, lists ambiguous matches, and writes nothing', async () => {
    const before = await count('MATCH (n) RETURN count(n)');
    const job = await imported(app, 'items.csv', many(5, 'x') + '\nm1,Dup,y', { mapping: itemMapping, dryRun: true });
    expect(job.status).toBe('done');
    expect(job.counts.nodes).toEqual({ created: 4, updated: 1, unchanged: 0 });
    expect(job.errors).toEqual([{ line: 7, reason: expect.stringContaining('duplicate id "m1"') }]);
    const links = await imported(app, 'links.csv', 'from,to\nSingle,Twin\nSingle,Nobody', {
      dryRun: true,
      mapping: {
        relationships: {
          type: 'LINKS',
          from: { column: 'from', label: 'Org', match: 'caption' },
          to: { column: 'to', label: 'Org', match: 'caption' },
        },
      },
    });
    expect(links.ambiguous).toEqual([expect.objectContaining({ line: 2, value: 'Twin', matches: 2 })]);
    expect(links.errors.map((error) => error.line)).toEqual([2, 3]);
    expect(await count('MATCH (n) RETURN count(n)')).toBe(before);
  });

  it('When relationships of a type the graph lacks, then of one it has, are dry-run, then they count as created, then as unchanged', async () => {
    const mapping = {
      relationships: {
        type: 'DRY_LINK',
        from: { column: 'from', label: 'Org' },
        to: { column: 'to', label: 'Org' },
      },
      properties: { note: 'text' },
    };
    const file = 'from,to,note\no1,o3,a\no2,o3,b';
    const fresh = await imported(app, 'dry-links.csv', file, { mapping, dryRun: true });
    expect(fresh.counts.relationships).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await count('MATCH ()-[r:DRY_LINK]->() RETURN count(r)')).toBe(0);
    expect((await imported(app, 'links.csv', 'from,to,note\no1,o3,a', { mapping })).status).toBe('done');
    const again = await imported(app, 'dry-links.csv', file, { mapping, dryRun: true });
    expect(again.counts.relationships).toEqual({ created: 1, updated: 0, unchanged: 1 });
  });

  it('When an import runs, then its event stream reports progress and ends with the finished job, also on a reconnect', async () => {
    const response = await upload(app, 'big.csv', many(6_000, 'p', 'e'), { mapping: itemMapping }).expect(202);
    const id = (response.body as Job).id;
    const events = await request(app)
      .get(`/api/imports/${id}/events`)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
    expect(events.headers['content-type']).toMatch(/text\/event-stream/);
    const text = events.body as string;
    expect(text).toMatch(/^event: (progress|end)\ndata: /);
    const last = JSON.parse(/event: end\ndata: (.*)\n\n$/.exec(text)![1]!) as Job;
    expect(last.status).toBe('done');
    expect(last.progress.rowsDone).toBe(6_000);
    expect(last.progress.rowsPerSecond).toBeGreaterThan(0);
    const again = await request(app).get(`/api/imports/${id}/events`).expect(200);
    expect(again.text).toMatch(/^event: end\ndata: .*"status":"done"/);
  });

  it('When an import is cancelled, then it stops and what it wrote is rolled back, overwritten properties included', async () => {
    const response = await upload(app, 'cancel.csv', many(40_000, 'c'), { mapping: itemMapping }).expect(202);
    const id = (response.body as Job).id;
    await request(app).post(`/api/imports/${id}/cancel`).expect(200);
    const job = await finished(app, id);
    expect(job.status).toBe('cancelled');
    expect(await count("MATCH (n:Item) WHERE n.v = 'c' RETURN count(n)")).toBe(0);
    const zero = await db.read("MATCH (n:Item {id: 'm0'}) RETURN n.name AS name, n.v AS v");
    expect(zero.records[0]!.toObject()).toEqual({ name: 'Original zero', v: 'kept' });
    await request(app).post(`/api/imports/${id}/cancel`).expect(409);
  });

  it('When a file with a bad row is imported with rejectedRows=fail, then the import fails and the graph is exactly as before', async () => {
    const graph = () => dumpGraph(db);
    const before = await graph();
    // The bad row comes after the first batch of 2,000, so something was written before it was met.
    const file = many(3_000, 'f') + '\nbad-row-with-one-column';
    const job = await imported(app, 'fail.csv', file, {
      mapping: { ...itemMapping, source: { constant: 'Failing file' } },
      rejectedRows: 'fail',
    });
    expect(job.status).toBe('failed');
    expect(job.failure).toMatch(/line 3002/);
    expect(await graph()).toBe(before);
    expect(await count("MATCH (n:Item) WHERE n.v = 'f' RETURN count(n)")).toBe(0);
  });

  it('When two imports write overlapping nodes at once, then one is refused or both apply whole, never interleaved', async () => {
    const [a, b] = await Promise.all([
      upload(app, 'a.csv', many(3_000, 'a', 'o'), { mapping: itemMapping }),
      upload(app, 'b.csv', many(3_000, 'b', 'o'), { mapping: itemMapping }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect([
      [202, 202],
      [202, 409],
    ]).toContainEqual(statuses);
    for (const response of [a, b]) {
      if (response.status === 409) expect(problem(response).type).toBe('/problems/import-running');
      else expect((await finished(app, (response.body as Job).id)).status).toBe('done');
    }
    const values = await db.read(
      "MATCH (n:Item) WHERE n.id STARTS WITH 'o' RETURN collect(DISTINCT n.v) AS values, count(n) AS n",
    );
    expect(values.records[0]!.get('values')).toHaveLength(1);
    expect(Number(values.records[0]!.get('n'))).toBe(3_000);
  });

  it('When a file names a label like Entente’s own, then the import is refused or the rows rejected', async () => {
    const response = await upload(app, 'own.csv', 'id\nx1', {
      mapping: { nodes: { labels: ['_EntenteSecret'], id: 'id' } },
    }).expect(400);
    expect(problem(response).errors).toEqual([
      { location: 'body.mapping.nodes.labels.0', message: expect.stringContaining('_Entente') },
    ]);
    const graph = JSON.stringify({ nodes: [{ id: 'x2', labels: ['_EntenteSavedQuery'], properties: {} }], edges: [] });
    const job = await imported(app, 'own.json', graph);
    expect(job.errors).toEqual([{ line: 1, reason: expect.stringContaining('_Entente') }]);
    expect(await count("MATCH (n {id: 'x2'}) RETURN count(n)")).toBe(0);
  });

  it('When names need escaping, then a label with a backtick is written as it is, never as Cypher', async () => {
    const job = await imported(app, 'odd.csv', 'id,name\nq1,Quoted', {
      mapping: { nodes: { labels: ['Odd` DETACH DELETE n //'], id: 'id', caption: 'name' } },
    });
    expect(job.status).toBe('done');
    expect(await count('MATCH (n:`Odd`` DETACH DELETE n //`) RETURN count(n)')).toBe(1);
    expect(await count("MATCH (n:Item {id: 'm0'}) RETURN count(n)")).toBe(1);
  });

  it('When an import finishes, then the audit log records it', async () => {
    const job = await imported(app, 'audited.csv', 'id\naud1', {
      mapping: { nodes: { labels: ['Audited'], id: 'id' } },
    });
    const rows = await testStore().rows<{ action: string }>(
      'SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id',
      [job.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['import.start', 'import.done']);
  });
});

afterAll(async () => {
  await emptyDatabase(db);
  await db.close();
});

describe('who may import', () => {
  const app = testApp(db, { ENTENTE_AUTH: 'on' });

  it('When a viewer or an analyst uploads a file, then it is refused (403); an editor may', async () => {
    for (const role of ['viewer', 'analyst'] as const) {
      const user = await signedIn(app, role);
      const response = await upload(app, 'x.csv', 'id\nr1', {
        agent: user.agent,
        headers: { 'x-csrf-token': user.csrf },
        mapping: { nodes: { labels: ['Refused'], id: 'id' } },
      }).expect(403);
      expect(problem(response).type).toBe('/problems/not-permitted');
    }
    const editor = await signedIn(app, 'editor');
    const response = await upload(app, 'x.csv', 'id\nr1', {
      agent: editor.agent,
      headers: { 'x-csrf-token': editor.csrf },
      mapping: { nodes: { labels: ['Allowed'], id: 'id' } },
      dryRun: true,
    }).expect(202);
    await expect
      .poll(async () => {
        const job = (await editor.agent.get(`/api/imports/${(response.body as Job).id}`)).body as Job;
        return `${job.status} ${job.failure ?? ''}`;
      })
      .toBe('done ');
  });
});
