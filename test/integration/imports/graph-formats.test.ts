import { readFileSync } from 'node:fs';
import request from 'supertest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJson } from '../../../server/graph/mapping.js';
import { bytes, problem } from '../../support/api.js';
import { testApp } from '../../support/app.js';
import { connectTestDatabase } from '../../support/database.js';
import { emptyDatabase } from '../../support/graphs.js';
import { imported, upload } from '../../support/imports.js';

const db = connectTestDatabase();
const fixtures = path.join(import.meta.dirname, '../../fixtures/imports');
const fixture = (name: string) => readFileSync(path.join(fixtures, name));

async function graph(label: string) {
  const { records } = await db.read(
    `MATCH (n:${label}) OPTIONAL MATCH (n)-[r]->(m)
     RETURN n.id AS id, properties(n) AS props, type(r) AS type, properties(r) AS rel, m.id AS to ORDER BY id, to`,
  );
  return records.map((record) => toJson(record.toObject()) as Record<string, unknown>);
}

describe('importing graph-shaped files (JSON Graph, GraphML, GEXF): no mapping needed', () => {
  const app = testApp(db);
  // A server that would see any attempt of the parser to fetch an external entity.
  const fetched: string[] = [];
  const spy = createServer((req, res) => {
    fetched.push(req.url ?? '');
    res.end('SECRET-FROM-NETWORK');
  });

  beforeAll(async () => {
    await emptyDatabase(db);
    await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    spy.close();
    await emptyDatabase(db);
    await db.close();
  });

  it('When NetworkX’s GraphML is imported, then its nodes keep their typed attributes and its edges link them', async () => {
    const job = await imported(app, 'networkx.graphml', fixture('networkx.graphml'), {
      mapping: { graph: { label: 'NxPerson', type: 'KNOWS' } },
    });
    expect(job.status).toBe('done');
    expect(job.counts.nodes.created).toBe(3);
    expect(job.counts.relationships.created).toBe(2);
    const rows = await graph('NxPerson');
    expect(rows[0]).toMatchObject({
      id: 'nx-alice',
      props: { name: 'Alice Example', age: 34, score: 0.5, active: true },
      type: 'KNOWS',
      rel: { weight: 2.5, since: '2019' },
      to: 'nx-bob',
    });
    const age = await db.read("MATCH (n:NxPerson {id: 'nx-alice'}) RETURN n.age IS :: INTEGER AS integer");
    expect(age.records[0]!.get('integer')).toBe(true);
  });

  it('When NetworkX’s GEXF is imported, then the same graph results', async () => {
    const job = await imported(app, 'networkx.gexf', fixture('networkx.gexf'), {
      mapping: { graph: { label: 'GexfPerson', type: 'KNOWS' } },
    });
    expect(job.status).toBe('done');
    expect(job.counts).toMatchObject({ nodes: { created: 3 }, relationships: { created: 2 } });
    const rows = await graph('GexfPerson');
    expect(rows.map((row) => [row.id, (row.props as { name: string }).name, row.to])).toEqual([
      ['nx-alice', 'Alice Example', 'nx-bob'],
      ['nx-bob', 'Bob Example', 'nx-carol'],
      ['nx-carol', 'Carol Example', null],
    ]);
  });

  it('When a hand-written GraphML names labels and types, and GEXF dates a node, then they are used', async () => {
    const graphml = `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="l" for="node" attr.name="labels" attr.type="string"/>
  <key id="n" for="node" attr.name="name" attr.type="string"/>
  <key id="t" for="edge" attr.name="type" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="h1"><data key="l">:Firm:Client</data><data key="n">Hand &amp; Co</data></node>
    <node id="h2"><data key="l">:Firm</data><data key="n">Other</data></node>
    <edge source="h1" target="h2"><data key="t">SUPPLIES</data></edge>
  </graph>
</graphml>`;
    expect((await imported(app, 'hand.graphml', graphml)).status).toBe('done');
    const { records } = await db.read(
      "MATCH (a {id: 'h1'})-[r]->(b) RETURN labels(a) AS labels, a.name AS name, type(r) AS type",
    );
    expect(records[0]!.toObject()).toEqual({ labels: ['Firm', 'Client'], name: 'Hand & Co', type: 'SUPPLIES' });

    const gexf = `<?xml version="1.0"?>
<gexf xmlns="http://www.gexf.net/1.3" version="1.3"><graph mode="dynamic" defaultedgetype="directed">
  <nodes><node id="g1" label="Dated" start="2020-05" end="2022"/></nodes><edges/></graph></gexf>`;
    expect(
      (await imported(app, 'dated.gexf', gexf, { mapping: { source: { constant: 'gephi-export' } } })).status,
    ).toBe('done');
    const dated = await db.read("MATCH (n {id: 'g1'})-[:MENTIONED_IN]->(s:Source) RETURN n, s.name AS source");
    expect(toJson(dated.records[0]!.get('n'))).toMatchObject({
      properties: {
        name: 'Dated',
        since: '2020-05-01',
        sincePrecision: 'month',
        until: '2023-01-01',
        untilPrecision: 'year',
        sources: ['gephi-export'],
      },
    });
    expect(dated.records[0]!.get('source')).toBe('gephi-export');
  });

  it('When a JSON file holds the API’s Graph shape, then it imports as it is', async () => {
    const file = JSON.stringify({
      nodes: [
        { id: 'j1', labels: ['JsonThing'], caption: 'One', properties: { name: 'One', size: 3 } },
        { id: 'j2', labels: ['JsonThing'], caption: 'Two', properties: { name: 'Two', tags: ['a', 'b'] } },
      ],
      edges: [{ id: 'e1', type: 'NEXT', source: 'j1', target: 'j2', properties: { weight: 0.5 } }],
    });
    const job = await imported(app, 'graph.json', file);
    expect(job.counts).toMatchObject({ nodes: { created: 2 }, relationships: { created: 1 } });
    const { records } = await db.read(
      "MATCH (a {id: 'j1'})-[r:NEXT]->(b) RETURN a.size AS size, b.tags AS tags, r.weight AS weight",
    );
    expect(toJson(records[0]!.toObject())).toEqual({ size: 3, tags: ['a', 'b'], weight: 0.5 });
  });

  it('When a JSON file holds an array of records, then the mapping makes nodes of them', async () => {
    const file = JSON.stringify([
      { code: 'r1', title: 'Row one', n: 5 },
      { code: 'r2', title: 'Row two', n: '6' },
    ]);
    const job = await imported(app, 'records.json', file, {
      mapping: { nodes: { labels: ['JsonRow'], id: 'code', caption: 'title' }, properties: { n: 'integer' } },
    });
    expect(job.counts.nodes.created).toBe(2);
    const { records } = await db.read('MATCH (r:JsonRow) RETURN r.name AS name, r.n AS n ORDER BY r.id');
    expect(toJson(records.map((record) => record.toObject()))).toEqual([
      { name: 'Row one', n: 5 },
      { name: 'Row two', n: 6 },
    ]);
  });

  describe('round trip: what Entente exports as GraphML or GEXF imports back as it was', () => {
    const ids = ['rt-a', 'rt-b', 'rt-c'];

    /** The three nodes and their relationships as the database holds them, without import bookkeeping. */
    async function snapshot() {
      const { records } = await db.read(
        `MATCH (n) WHERE n.id IN $ids OPTIONAL MATCH (n)-[r]->(m)
         RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, type(r) AS type, properties(r) AS rel,
                m.id AS to ORDER BY id, to`,
        { ids },
      );
      const withoutBookkeeping = (value: unknown) =>
        value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('_entente')))
          : value;
      return records.map((record) => {
        const row = toJson(record.toObject()) as Record<string, unknown>;
        return { ...row, props: withoutBookkeeping(row.props), rel: withoutBookkeeping(row.rel) };
      });
    }

    async function exported(format: string): Promise<Buffer> {
      const response = await bytes(request(app).get(`/api/export?format=${format}&ids=${ids.join(',')}`)).expect(200);
      return response.body as Buffer;
    }

    it.each(['graphml', 'gexf'])(
      'When the %s export of a typed, dated subgraph is imported, then into the same graph it changes nothing, and into a graph without it it makes the same nodes, labels, types, properties and dates',
      async (format) => {
        await db.write(
          `CREATE (a:RtFirm:RtListed {id: 'rt-a', name: 'Alpha & Co', employees: 120, revenue: 2.5, listed: true,
                   founded: date('1999-03-04'), labels: 'a property named like an attribute',
                   \`property.x\`: 'a key that looks prefixed'})
           CREATE (b:RtFirm {id: 'rt-b', name: 'Beta'})
           CREATE (c:RtPerson {id: 'rt-c', name: 'Cara <Chief>'})
           CREATE (a)-[:RT_SUPPLIES {id: 'rt-a-supplies-b', type: 'a property named like the type',
                   since: date('2019-07-01'), sincePrecision: 'month',
                   until: date('2024-01-01'), untilPrecision: 'year', volume: 7, claim: 'Alpha supplies Beta'}]->(b)
           CREATE (c)-[:RT_LEADS {id: 'rt-c-leads-a', since: date('2021-02-03'), sincePrecision: 'day'}]->(a)`,
        );
        try {
          const before = await snapshot();
          const file = await exported(format);
          const again = await imported(app, `again.${format}`, file);
          expect(again.status).toBe('done');
          expect(again.errors).toEqual([]);
          expect(again.counts).toMatchObject({
            nodes: { created: 0, updated: 0, unchanged: 3 },
            relationships: { created: 0, updated: 0, unchanged: 2 },
          });
          expect(await snapshot()).toEqual(before);

          await db.write('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids });
          const fresh = await imported(app, `fresh.${format}`, file);
          expect(fresh.counts).toMatchObject({ nodes: { created: 3 }, relationships: { created: 2 } });
          expect(await snapshot()).toEqual(before);
          const dates = await db.read(
            "MATCH (a {id: 'rt-a'})-[r:RT_SUPPLIES]->() RETURN a.founded IS :: DATE AND r.since IS :: DATE AND r.until IS :: DATE AS dates",
          );
          expect(dates.records[0]!.get('dates')).toBe(true);
        } finally {
          await db.write('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids });
        }
      },
    );
  });

  const refused = async (name: string, body: string) => {
    const response = await upload(app, name, body).expect(400);
    expect(problem(response).detail).toMatch(/body\.file: a DOCTYPE is refused/);
  };

  it('When a GraphML declares an external entity (XXE), then it is refused with a 400 and nothing is fetched', async () => {
    const port = (spy.address() as AddressInfo).port;
    await refused(
      'xxe.graphml',
      `<?xml version="1.0"?><!DOCTYPE g [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:${port}/x">]>
<graphml><graph><node id="x"><data key="name">&secret;&remote;</data></node></graph></graphml>`,
    );
    expect(fetched).toEqual([]);
    const { records } = await db.read("MATCH (n {id: 'x'}) RETURN count(n) AS count");
    expect(Number(records[0]!.get('count'))).toBe(0);
  });

  it('When a GEXF expands entities (billion laughs) or has any DOCTYPE, then it is refused with a 400', async () => {
    const laughs = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    await refused(
      'laughs.gexf',
      `<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY l0 "lol">${laughs}]><gexf><graph><nodes><node id="a" label="&l9;"/></nodes></graph></gexf>`,
    );
    await refused(
      'plain.graphml',
      '<?xml version="1.0"?><!DOCTYPE graphml SYSTEM "graphml.dtd"><graphml><graph/></graphml>',
    );
  });

  it('When an XML file is cut off mid-way, then the nodes before the cut import and the cut is an error with its line', async () => {
    const cut = `<?xml version="1.0"?>\n<graphml><graph>\n<node id="t1"/>\n<node id="t2"/>\n<node id="t3"><data key="x">unfinished`;
    const job = await imported(app, 'cut.graphml', cut, { mapping: { graph: { label: 'Cut' } } });
    expect(job.counts.nodes.created).toBe(2);
    expect(job.errors).toEqual([{ line: expect.any(Number), reason: expect.stringMatching(/stops being readable/) }]);
  });
});
