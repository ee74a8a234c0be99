import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/config.js';
import { bytes } from '../../support/api.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase, loadGraph } from '../../support/graphs.js';
import { dumpGraph, imported, rolledBack } from '../../support/imports.js';
import { toJson } from '../../../server/graph/mapping.js';

const db = connectTestDatabase();

const people = [
  'id,name,born,role,since,until,source',
  'p1,Ada Byron,1815,"=HYPERLINK(""http://x"")",2019,2021-06,Registry 2024',
  'p2,Alan Turing,1912,+44,2020-03-15,,Registry 2024;Archive note',
  'p3,Grace Hopper,1906,@admin,,,',
].join('\n');

const peopleMapping = {
  nodes: { labels: ['Person'], id: 'id', caption: 'name' },
  properties: { born: 'integer', role: 'text' },
  dating: { start: 'since', end: 'until' },
  source: { column: 'source' },
};

describe('importing tables (CSV and TSV)', () => {
  const app = testApp(db);

  beforeAll(async () => {
    await loadGraph(db, ["CREATE (:Company {id: 'acme', name: 'Acme', founded: 1990, motto: 'old motto'})"]);
  });
  afterAll(async () => {
    await emptyDatabase(db);
    await db.close();
  });

  it('When a CSV of people with sources and dates is imported, then each becomes a cited, dated node and formulas stay text', async () => {
    const job = await imported(app, 'people.csv', people, { mapping: peopleMapping });
    expect(job.status).toBe('done');
    expect(job.encoding).toBe('utf-8');
    expect(job.counts.nodes).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const { records } = await db.read(
      `MATCH (p:Person {id: 'p1'}) OPTIONAL MATCH (p)-[:MENTIONED_IN]->(s:Source)
       RETURN p, collect(s.name) AS sources`,
    );
    const ada = toJson(records[0]!.get('p')) as { properties: Record<string, unknown> };
    expect(ada.properties).toMatchObject({
      name: 'Ada Byron',
      born: 1815,
      role: '=HYPERLINK("http://x")',
      since: '2019-01-01',
      sincePrecision: 'year',
      until: '2021-07-01',
      untilPrecision: 'month',
      sources: ['Registry 2024'],
    });
    expect(String(ada.properties.claim)).toContain('Ada Byron');
    expect(records[0]!.get('sources')).toEqual(['Registry 2024']);
    const two = await db.read("MATCH (p:Person {id: 'p2'}) RETURN p.role AS role, p.sources AS sources");
    expect(two.records[0]!.get('role')).toBe('+44');
    expect(two.records[0]!.get('sources')).toEqual(['Registry 2024', 'Archive note']);
  });

  it('When the same file is imported twice, then the second run changes nothing', async () => {
    const before = await dumpGraph(db);
    const job = await imported(app, 'people.csv', people, { mapping: peopleMapping });
    expect(job.counts.nodes).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await dumpGraph(db)).toBe(before);
  });

  it('When an import that overwrote properties is rolled back, then what was there before is restored exactly', async () => {
    const before = await dumpGraph(db);
    const companies = 'id\tname\tfounded\tmotto\nacme\tAcme Corp\t1991\t\nglobex\tGlobex\t2001\tnew\n';
    const job = await imported(app, 'companies.tsv', companies, {
      mapping: {
        nodes: { labels: ['Company', 'Organisation'], id: 'id', caption: 'name' },
        properties: { founded: 'integer', motto: 'text' },
      },
    });
    expect(job.counts.nodes).toEqual({ created: 1, updated: 1, unchanged: 0 });
    const changed = await db.read("MATCH (c:Company {id: 'acme'}) RETURN c.name AS name, labels(c) AS labels");
    expect(changed.records[0]!.get('name')).toBe('Acme Corp');
    expect(changed.records[0]!.get('labels')).toEqual(['Company', 'Organisation']);
    const rolled = await rolledBack(app, job.id);
    expect(rolled.status).toBe('rolled-back');
    expect(await dumpGraph(db)).toBe(before);
  });

  it('When relationships name their ends by id or caption, then they link those nodes, and rows to missing nodes are listed', async () => {
    const works = [
      'person,company,role',
      'p1,Acme,chair',
      'p2,Acme,engineer',
      'p9,Acme,ghost',
      'p3,Nowhere Ltd,x',
    ].join('\n');
    const job = await imported(app, 'works.csv', works, {
      mapping: {
        relationships: {
          type: 'WORKS_AT',
          from: { column: 'person', label: 'Person' },
          to: { column: 'company', label: 'Company', match: 'caption' },
        },
        properties: { role: 'text' },
        source: { constant: 'HR list' },
      },
    });
    expect(job.status).toBe('done');
    expect(job.counts.relationships.created).toBe(2);
    expect(job.errors).toEqual([
      { line: 4, reason: expect.stringContaining('missing node') },
      { line: 5, reason: expect.stringContaining('missing node') },
    ]);
    const { records } = await db.read(
      "MATCH (:Person {id: 'p1'})-[r:WORKS_AT]->(c:Company) RETURN c.id AS company, r.role AS role, r.sources AS sources",
    );
    expect(records.map((record) => record.toObject())).toEqual([
      { company: 'acme', role: 'chair', sources: ['HR list'] },
    ]);
  });

  it('When both ends are named by indexed ids, then the write finds them, and rows to a missing or an ambiguous end are listed, not written', async () => {
    await db.write('CREATE INDEX IF NOT EXISTS FOR (n:Member) ON (n.id)');
    await db.write('CREATE INDEX IF NOT EXISTS FOR (n:Club) ON (n.id)');
    await db.write('CALL db.awaitIndexes(60)');
    await db.write(
      `CREATE (:Member {id: 'm1', name: 'One'}), (:Member {id: 'm2', name: 'Two'}),
              (:Member {id: 'twin', name: 'Twin A'}), (:Member {id: 'twin', name: 'Twin B'}),
              (:Club {id: 'c1', name: 'Chess club'})`,
    );
    const members = ['member,club,since', 'm1,c1,2001', 'm2,c9,2002', 'twin,c1,2003', 'm2,c1,2004'].join('\n');
    const mapping = {
      relationships: {
        type: 'MEMBER_OF',
        from: { column: 'member', label: 'Member' },
        to: { column: 'club', label: 'Club' },
      },
      properties: { since: 'integer' },
      source: { constant: 'Club roll' },
    };
    const before = await dumpGraph(db);
    const strict = await imported(app, 'members.csv', members, { mapping, rejectedRows: 'fail' });
    expect(strict.status).toBe('failed');
    expect(strict.failure).toMatch(/line 3: to: no node of Club has id "c9"/);
    expect(await dumpGraph(db)).toBe(before);

    const job = await imported(app, 'members.csv', members, { mapping });
    expect(job.status).toBe('done');
    expect(job.counts.relationships).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(job.errors).toEqual([
      { line: 3, reason: 'to: no node of Club has id "c9" (a relationship to a missing node)' },
      { line: 4, reason: 'from: "twin" matches 2 nodes of Member (ambiguous)' },
    ]);
    expect(job.ambiguous).toEqual([expect.objectContaining({ line: 4, value: 'twin', matches: 2 })]);
    const { records } = await db.read(
      `MATCH (m:Member)-[r:MEMBER_OF]->(c:Club)
       RETURN m.id AS member, c.id AS club, r.since AS since, r.sources AS sources,
              COUNT { (m)-[:MENTIONED_IN]->(:Source {id: 'Club roll'}) } AS memberCited,
              COUNT { (c)-[:MENTIONED_IN]->(:Source {id: 'Club roll'}) } AS clubCited
       ORDER BY member`,
    );
    expect(records.map((record) => toJson(record.toObject()))).toEqual([
      { member: 'm1', club: 'c1', since: 2001, sources: ['Club roll'], memberCited: 1, clubCited: 1 },
      { member: 'm2', club: 'c1', since: 2004, sources: ['Club roll'], memberCited: 1, clubCited: 1 },
    ]);

    const again = await imported(app, 'members.csv', members, { mapping });
    expect(again.counts.relationships).toEqual({ created: 0, updated: 0, unchanged: 2 });
    await rolledBack(app, again.id);
    await rolledBack(app, job.id);
    expect(await dumpGraph(db)).toBe(before);
  });

  it('When rows are bad, then each is rejected with its line and reason and the good rows still import', async () => {
    const bad = [
      'id,name,amount,day',
      'b1,Good,12,2024-02-29',
      'b2,Ragged,1',
      'b1,Duplicate,3,2024-01-01',
      'b3,Bad day,4,31/02/2024',
      'b4,Thousands,"1,234",2024-01-01',
      'b5,Extra,5,2024-01-01,oops',
      'b6,"Unclosed,6,2024-01-01',
    ].join('\n');
    const job = await imported(app, 'bad.csv', bad, {
      mapping: {
        nodes: { labels: ['Thing'], id: 'id', caption: 'name' },
        properties: { amount: 'integer', day: 'date' },
      },
    });
    expect(job.status).toBe('done');
    const byLine = Object.fromEntries(job.errors.map((error) => [error.line, error.reason]));
    expect(byLine[3]).toMatch(/ragged/);
    expect(byLine[4]).toMatch(/duplicate id "b1" \(first on line 2\)/);
    expect(byLine[5]).toMatch(/not a real calendar day/);
    expect(byLine[6]).toMatch(/thousands separators/);
    expect(byLine[7]).toMatch(/ragged/);
    expect(byLine[8]).toMatch(/never closed|ragged/);
    const { records } = await db.read('MATCH (t:Thing) RETURN t.id AS id, t.day AS day');
    expect(records.map((record) => record.get('id'))).toEqual(['b1']);
  });

  it('When an import whose Source a later import cites is rolled back, then the Source stays for the later one, and goes with it', async () => {
    const first = await imported(app, 'first.csv', 'id,name,source\nsh1,First,Shared register', {
      mapping: { nodes: { labels: ['Shared'], id: 'id', caption: 'name' }, source: { column: 'source' } },
    });
    const later = await imported(app, 'later.csv', 'id,name,source\nsh2,Later,Shared register', {
      mapping: { nodes: { labels: ['Shared'], id: 'id', caption: 'name' }, source: { column: 'source' } },
    });
    expect([first.status, later.status]).toEqual(['done', 'done']);
    const cited = async () =>
      (
        await db.read(
          `MATCH (s:Source {id: 'Shared register'}) OPTIONAL MATCH (n)-[:MENTIONED_IN]->(s)
           RETURN collect(n.id) AS citing`,
        )
      ).records.map((record) => record.get('citing') as string[]);
    expect(await cited()).toEqual([expect.arrayContaining(['sh1', 'sh2'])]);
    expect((await rolledBack(app, first.id)).status).toBe('rolled-back');
    expect(await cited()).toEqual([['sh2']]);
    const { records } = await db.read(
      "MATCH (:Shared {id: 'sh2'})-[m:MENTIONED_IN]->(s:Source) RETURN s.name AS name, m.sources AS sources",
    );
    expect(records.map((record) => record.toObject())).toEqual([
      { name: 'Shared register', sources: ['Shared register'] },
    ]);
    expect((await rolledBack(app, later.id)).status).toBe('rolled-back');
    const left = await db.read("MATCH (s:Source {id: 'Shared register'}) RETURN count(s) AS count");
    expect(Number(left.records[0]!.get('count'))).toBe(0);
  });

  it("When a node handed over by a rollback belongs to a relationship-only import, then that import's rollback takes it too", async () => {
    const nodes = await imported(app, 'handed.csv', 'id,name\nho1,Handed\nho2,Kept', {
      mapping: { nodes: { labels: ['HandedOver'], id: 'id', caption: 'name' } },
    });
    await db.write("CREATE (:Anchor {id: 'ho-anchor'})");
    const links = await imported(app, 'links.csv', 'from,to\nho-anchor,ho1', {
      mapping: {
        relationships: {
          type: 'POINTS_AT',
          from: { column: 'from', label: 'Anchor' },
          to: { column: 'to', label: 'HandedOver' },
        },
      },
    });
    expect([nodes.status, links.status]).toEqual(['done', 'done']);
    const left = async () =>
      (await db.read('MATCH (n) WHERE n.id STARTS WITH "ho" RETURN n.id AS id ORDER BY id')).records.map((record) =>
        record.get('id'),
      );
    expect((await rolledBack(app, nodes.id)).status).toBe('rolled-back');
    expect(await left()).toEqual(['ho-anchor', 'ho1']);
    expect((await rolledBack(app, links.id)).status).toBe('rolled-back');
    expect(await left()).toEqual(['ho-anchor']);
    await db.write("MATCH (n:Anchor {id: 'ho-anchor'}) DELETE n");
  });

  it('When cells start with =, +, - or @, then they are stored as text and neutralised in the CSV export', async () => {
    const cells = ['-2+3', '=1+1', '+44', '@sum'];
    const job = await imported(
      app,
      'formulas.csv',
      ['id,name,cell', ...cells.map((cell, i) => `f${i},F${i},${cell}`)].join('\n'),
      {
        mapping: { nodes: { labels: ['Formula'], id: 'id', caption: 'name' }, properties: { cell: 'text' } },
      },
    );
    expect(job.status).toBe('done');
    const { records } = await db.read('MATCH (f:Formula) RETURN f.cell AS cell ORDER BY f.id');
    expect(records.map((record) => record.get('cell'))).toEqual(cells);
    const zip = await bytes(
      request(app).get(`/api/export?format=csv&ids=${cells.map((_, i) => `f${i}`).join(',')}`),
    ).expect(200);
    const folder = mkdtempSync(path.join(tmpdir(), 'entente-formulas-'));
    try {
      writeFileSync(path.join(folder, 'export.zip'), zip.body as Buffer);
      const read = execFileSync(
        'python3',
        [path.join(projectRoot, 'test/support/read-export.py'), 'csv', path.join(folder, 'export.zip')],
        { encoding: 'utf8' },
      );
      const rows = (JSON.parse(read) as { files: Record<string, Record<string, string>[]> }).files['nodes.csv']!;
      expect(rows.map((row) => [row.id, row.cell]).sort()).toEqual(cells.map((cell, i) => [`f${i}`, `'${cell}`]));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('When a file is Latin-1 in its head and UTF-8 later, or the reverse, then the rows in the other encoding are rejected with their lines', async () => {
    const mapping = { nodes: { labels: ['Encoded'], id: 'id', caption: 'name' } };
    const latinFirst = Buffer.concat([
      // x0: genuine Latin-1 that puts capitals before symbols, which must not be taken for UTF-8.
      Buffer.from('id,name\nx0,«CAFÉ» ÉTÉ\u00a0: Gruß 3×²\nx1,Société Générale\nx2,Crédit Agricole\n', 'latin1'),
      Buffer.from('x3,Crédit Mutuel\nx4,Plain\nx5,Ørsted 🦀\n', 'utf8'),
    ]);
    const one = await imported(app, 'latin-then-utf8.csv', latinFirst, { mapping });
    expect(one.encoding).toBe('latin-1');
    expect(one.errors).toEqual([
      { line: 5, reason: expect.stringMatching(/UTF-8 text in a file read as Latin-1/) },
      { line: 7, reason: expect.stringMatching(/UTF-8 text in a file read as Latin-1/) },
    ]);
    // The head (64 KB) is read to tell the encoding: UTF-8 all through it, then a Latin-1 row.
    const filler = Array.from({ length: 2_000 }, (_, i) => `u${i},Zoë number ${i} ${'x'.repeat(30)}`).join('\n');
    const utf8First = Buffer.concat([
      Buffer.from(`id,name\n${filler}\n`, 'utf8'),
      Buffer.from('y1,Société Générale\ny2,Plain\n', 'latin1'),
    ]);
    const two = await imported(app, 'utf8-then-latin.csv', utf8First, { mapping, dryRun: true });
    expect(two.encoding).toBe('utf-8');
    expect(two.errors).toEqual([{ line: 2_002, reason: expect.stringMatching(/not valid utf-8/) }]);
    const { records } = await db.read('MATCH (e:Encoded) RETURN e.name AS name ORDER BY e.id');
    expect(records.map((record) => record.get('name'))).toEqual([
      '«CAFÉ» ÉTÉ\u00a0: Gruß 3×²',
      'Société Générale',
      'Crédit Agricole',
      'Plain',
    ]);
  });

  it('When a Latin-1 file is imported, then its encoding is detected and said, and its accents survive', async () => {
    const latin = Buffer.from('id;name\nl1;Société Générale\n', 'latin1');
    const job = await imported(app, 'latin.csv', latin, {
      mapping: { nodes: { labels: ['Bank'], id: 'id', caption: 'name' } },
    });
    expect(job.encoding).toBe('latin-1');
    const { records } = await db.read("MATCH (b:Bank {id: 'l1'}) RETURN b.name AS name");
    expect(records[0]!.get('name')).toBe('Société Générale');
  });
});
