import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../server/config.js';
import { apiEdgeSchema, apiNodeSchema } from '../../../server/graph/graph.schemas.js';
import { bytes, problem, useApi } from '../../support/api.js';

const context = useApi();
const api = () => context.api();
const folder = mkdtempSync(path.join(tmpdir(), 'entente-export-'));

type Typed = Record<string, [type: string, value: unknown]>;
interface ReadGraph {
  directed: boolean;
  nodes: Record<string, Typed>;
  edges: { source: string; target: string; data: Typed }[];
}
interface ReadCsv {
  files: Record<string, Record<string, string>[]>;
}

/** Reads an export back with Python's real readers (test/support/read-export.py). */
function readBack<T>(format: 'graphml' | 'gexf' | 'csv', body: Buffer): T {
  const file = path.join(folder, `export-${Math.random().toString(36).slice(2)}.${format}`);
  writeFileSync(file, body);
  const output = execFileSync('python3', [path.join(projectRoot, 'test/support/read-export.py'), format, file], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(output) as T;
}

function ndjsonLines(response: Response) {
  const lines = (response.body as Buffer).toString('utf8').split('\n');
  expect(lines.pop()).toBe('');
  const parsed = lines.map((line) => JSON.parse(line) as { node?: unknown; edge?: unknown });
  return {
    nodes: parsed.filter((line) => line.node).map((line) => apiNodeSchema.parse(line.node)),
    edges: parsed.filter((line) => line.edge).map((line) => apiEdgeSchema.parse(line.edge)),
  };
}

const hostile = 'A <b>&amp;</b> "double" \'single\' ]]> tab\there\nnewline\rreturn bell\u0007 é 🦀';

beforeAll(async () => {
  await context.db.write(
    `CREATE (a:ExportFixture $a)
     CREATE (b:ExportFixture:ExportSecond $b)
     CREATE (a)-[:EXPORT_LINK $first]->(b)
     CREATE (b)-[:EXPORT_LINK $second]->(a)`,
    {
      a: {
        id: 'export-a',
        name: hostile,
        count: neo4j.int(42),
        ratio: 0.5,
        flag: true,
        tags: ['x', 'y'],
        since: new neo4j.types.Date(2019, 7, 22),
        until: '2024-03-01T10:00:00Z',
        labels: 'a property named like an attribute',
        formula: '=HYPERLINK("http://example.invalid","x")',
      },
      b: { id: 'export-b', name: '+plus', since: neo4j.int(2020), big: neo4j.int('9007199254740993') },
      first: {
        id: 'export-link-1',
        weight: neo4j.int(3),
        amount: 1.5,
        note: '-minus',
        since: '2021-05-06',
        until: new neo4j.types.Date(2022, 1, 1),
      },
      second: { id: 'export-link-2', note: '@at' },
    },
  );
});

afterAll(async () => {
  await context.db.write('MATCH (n:ExportFixture) DETACH DELETE n');
  rmSync(folder, { recursive: true, force: true });
});

const fixture = 'ids=export-a,export-b';

describe('GET /api/export of given nodes, each format read back by a real reader', () => {
  it('When NDJSON is asked, then each line is one node or relationship in the API shapes, nodes first', async () => {
    const response = await bytes(api().get(`/api/export?format=ndjson&${fixture}`)).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="entente-export.ndjson"');
    const { nodes, edges } = ndjsonLines(response);
    expect(nodes.map((node) => node.id).sort()).toEqual(['export-a', 'export-b']);
    expect(nodes.find((node) => node.id === 'export-a')!.properties).toMatchObject({ name: hostile, count: 42 });
    expect(edges.map((edge) => [edge.id, edge.source, edge.target]).sort()).toEqual([
      ['export-link-1', 'export-a', 'export-b'],
      ['export-link-2', 'export-b', 'export-a'],
    ]);
    const text = (response.body as Buffer).toString('utf8');
    expect(text.indexOf('"edge"')).toBeGreaterThan(text.lastIndexOf('"node"'));
  });

  it('When GraphML is asked, then NetworkX reads labels, types, typed properties, since and until', async () => {
    const response = await bytes(api().get(`/api/export?format=graphml&${fixture}`)).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/graphml\+xml/);
    const graph = readBack<ReadGraph>('graphml', response.body as Buffer);
    expect(graph.directed).toBe(true);
    expect(Object.keys(graph.nodes).sort()).toEqual(['export-a', 'export-b']);
    const a = graph.nodes['export-a']!;
    // XML cannot hold a bell character: it is the replacement character; everything else comes back as written.
    expect(a.name).toEqual(['str', hostile.replace('\u0007', '\ufffd')]);
    expect(a.caption).toEqual(['str', hostile.replace('\u0007', '\ufffd')]);
    expect(a.labels).toEqual(['str', ':ExportFixture']);
    expect(a.count).toEqual(['int', 42]);
    expect(a.ratio).toEqual(['float', 0.5]);
    expect(a.flag).toEqual(['bool', true]);
    expect(a.tags).toEqual(['str', '["x","y"]']);
    expect(a.since).toEqual(['str', '2019-07-22']);
    expect(a.until).toEqual(['str', '2024-03-01']);
    expect(a['property.labels']).toEqual(['str', 'a property named like an attribute']);
    const b = graph.nodes['export-b']!;
    expect(b.labels![1]).toMatch(/^(:ExportFixture:ExportSecond|:ExportSecond:ExportFixture)$/);
    expect(b.big).toEqual(['int', '9007199254740993']);
    expect(b.since).toEqual(['str', '2020-01-01']);
    expect(b.until).toBeUndefined();
    const first = graph.edges.find((edge) => edge.data.id?.[1] === 'export-link-1')!;
    expect([first.source, first.target]).toEqual(['export-a', 'export-b']);
    expect(first.data).toMatchObject({
      type: ['str', 'EXPORT_LINK'],
      weight: ['int', 3],
      amount: ['float', 1.5],
      since: ['str', '2021-05-06'],
      until: ['str', '2022-01-01'],
    });
    expect(graph.edges).toHaveLength(2);
  });

  it('When GEXF is asked, then NetworkX reads captions, types, typed attributes and since/until as start/end', async () => {
    const response = await bytes(api().get(`/api/export?format=gexf&${fixture}`)).expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/gexf\+xml/);
    const graph = readBack<ReadGraph>('gexf', response.body as Buffer);
    expect(graph.directed).toBe(true);
    const a = graph.nodes['export-a']!;
    expect(a.label).toEqual(['str', hostile.replace('\u0007', '\ufffd')]);
    expect(a.labels).toEqual(['str', ':ExportFixture']);
    expect(a.count).toEqual(['int', 42]);
    expect(a.ratio).toEqual(['float', 0.5]);
    expect(a.flag).toEqual(['bool', true]);
    expect(a.start).toEqual(['str', '2019-07-22']);
    // GEXF's end is the last day a fact holds: the day before Entente's (exclusive) until.
    expect(a.end).toEqual(['str', '2024-02-29']);
    expect(graph.nodes['export-b']!.big).toEqual(['int', '9007199254740993']);
    expect(graph.edges).toHaveLength(2);
    const first = graph.edges.find((edge) => edge.data.id?.[1] === 'export-link-1')!;
    expect([first.source, first.target]).toEqual(['export-a', 'export-b']);
    expect(first.data).toMatchObject({
      label: ['str', 'EXPORT_LINK'],
      // `weight` is GEXF's own edge attribute: the property keeps its value under another name.
      'property.weight': ['int', 3],
      amount: ['float', 1.5],
      type: ['str', 'EXPORT_LINK'],
      start: ['str', '2021-05-06'],
      end: ['str', '2021-12-31'],
    });
  });

  it('When CSV is asked, then a zip holds nodes.csv and relationships.csv, formula cells neutralised', async () => {
    const response = await bytes(api().get(`/api/export?format=csv&${fixture}`)).expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe('attachment; filename="entente-export.zip"');
    const { files } = readBack<ReadCsv>('csv', response.body as Buffer);
    expect(Object.keys(files).sort()).toEqual(['nodes.csv', 'relationships.csv']);
    const a = files['nodes.csv']!.find((row) => row.id === 'export-a')!;
    expect(a).toMatchObject({
      labels: 'ExportFixture',
      name: hostile,
      count: '42',
      flag: 'true',
      tags: '["x","y"]',
      since: '2019-07-22',
      until: '2024-03-01',
      formula: '\'=HYPERLINK("http://example.invalid","x")',
    });
    expect(files['nodes.csv']!.find((row) => row.id === 'export-b')).toMatchObject({ name: "'+plus" });
    const links = files['relationships.csv']!;
    expect(links.map((row) => [row.id, row.type, row.source, row.target, row.note]).sort()).toEqual([
      ['export-link-1', 'EXPORT_LINK', 'export-a', 'export-b', "'-minus"],
      ['export-link-2', 'EXPORT_LINK', 'export-b', 'export-a', "'@at"],
    ]);
  });
});

describe('GET /api/export of the whole graph', () => {
  let counts: { nodes: number; relationships: number };
  const nodeTypes = new Map<string, string>();
  const edgeTypes = new Map<string, string>();
  beforeAll(async () => {
    const { records } = await context.db.read(
      `CALL () { MATCH (n) WHERE NOT n:_EntenteSavedQuery RETURN count(n) AS nodes }
       CALL () { MATCH (a)-[r]->(b) WHERE NOT a:_EntenteSavedQuery AND NOT b:_EntenteSavedQuery RETURN count(r) AS relationships }
       RETURN nodes, relationships`,
    );
    counts = { nodes: records[0]!.get('nodes').toNumber(), relationships: records[0]!.get('relationships').toNumber() };
    for (const [types, match] of [
      [nodeTypes, '(n) WHERE NOT n:_EntenteSavedQuery'],
      [edgeTypes, '()-[n]->()'],
    ] as const) {
      const { records: keys } = await context.db.read(
        `MATCH ${match} UNWIND keys(n) AS key RETURN key, collect(DISTINCT valueType(n[key])) AS types`,
      );
      for (const record of keys) {
        const kinds = new Set((record.get('types') as string[]).map((type) => type.split(' ')[0]));
        const numeric = [...kinds].every((kind) => kind === 'INTEGER' || kind === 'FLOAT');
        types.set(
          record.get('key') as string,
          kinds.size === 1 && kinds.has('BOOLEAN')
            ? 'boolean'
            : numeric && kinds.has('FLOAT')
              ? 'double'
              : numeric
                ? 'long'
                : 'string',
        );
      }
    }
    expect(counts.relationships).toBeGreaterThan(100);
  });

  it('When no selection is given, then NDJSON holds every node and relationship once', async () => {
    const { nodes, edges } = ndjsonLines(await bytes(api().get('/api/export')).expect(200));
    expect(new Set(nodes.map((node) => node.id)).size).toBe(counts.nodes);
    expect(nodes).toHaveLength(counts.nodes);
    expect(edges).toHaveLength(counts.relationships);
    const ids = new Set(nodes.map((node) => node.id));
    expect(edges.every((edge) => ids.has(edge.source) && ids.has(edge.target))).toBe(true);
  });

  it.each(['graphml', 'gexf'] as const)(
    'When %s is asked, then NetworkX counts the same nodes and relationships, numbers typed',
    async (format) => {
      const response = await bytes(api().get(`/api/export?format=${format}`)).expect(200);
      const graph = readBack<ReadGraph>(format, response.body as Buffer);
      expect(Object.keys(graph.nodes)).toHaveLength(counts.nodes);
      expect(graph.edges).toHaveLength(counts.relationships);
      // Every property read back has the type its values have in the database: whole numbers as int where
      // every value of the key is one, numbers as float where some are floats, text otherwise.
      const python: Record<string, string> = { long: 'int', double: 'float', boolean: 'bool', string: 'str' };
      const reserved = new Set([
        'id',
        'label',
        'labels',
        'caption',
        'type',
        'since',
        'until',
        'start',
        'end',
        'weight',
      ]);
      for (const [kind, declared] of [
        ['nodes', nodeTypes],
        ['edges', edgeTypes],
      ] as const) {
        const items = kind === 'nodes' ? Object.values(graph.nodes) : graph.edges.map((edge) => edge.data);
        let checked = 0;
        for (const item of items) {
          for (const [key, [type]] of Object.entries(item)) {
            if (reserved.has(key) || key.startsWith('property.')) continue;
            expect(`${kind}.${key}: ${type}`).toBe(`${kind}.${key}: ${python[declared.get(key)!]}`);
            checked += 1;
          }
        }
        expect(checked).toBeGreaterThan(100);
      }
    },
  );

  it('When CSV is asked, then its two files hold every node and relationship', async () => {
    const response = await bytes(api().get('/api/export?format=csv')).expect(200);
    const { files } = readBack<ReadCsv>('csv', response.body as Buffer);
    expect(files['nodes.csv']).toHaveLength(counts.nodes);
    expect(files['relationships.csv']).toHaveLength(counts.relationships);
  });
});

describe('Export selections and limits', () => {
  it('When POST names ids in its body, then the answer is the GET answer', async () => {
    const get = await bytes(api().get(`/api/export?format=graphml&${fixture}`)).expect(200);
    const post = await bytes(
      api()
        .post('/api/export')
        .send({ format: 'graphml', ids: ['export-a', 'export-b'] }),
    ).expect(200);
    expect(readBack<ReadGraph>('graphml', post.body as Buffer)).toEqual(
      readBack<ReadGraph>('graphml', get.body as Buffer),
    );
  });

  it('When around a node at depth 1, then its neighbours and the relationships among them are exported', async () => {
    const { nodes, edges } = ndjsonLines(await bytes(api().get('/api/export?around=export-a&depth=1')).expect(200));
    expect(nodes.map((node) => node.id).sort()).toEqual(['export-a', 'export-b']);
    expect(edges).toHaveLength(2);
  });

  it("When a saved query is named, then its result's nodes and the relationships among them are exported", async () => {
    const params = JSON.stringify({ node: 'export-a', type: 'EXPORT_LINK' });
    const response = await bytes(
      api().get(`/api/export?query=neighbours-by-type&params=${encodeURIComponent(params)}`),
    ).expect(200);
    const { nodes, edges } = ndjsonLines(response);
    expect(nodes.map((node) => node.id).sort()).toEqual(['export-a', 'export-b']);
    expect(edges).toHaveLength(2);
  });

  it('When a saved query parameter is wrong, then the problem names it in the query string', async () => {
    const params = JSON.stringify({ node: 'no-such-node-anywhere', type: 'EXPORT_LINK' });
    const response = await api()
      .get(`/api/export?query=neighbours-by-type&params=${encodeURIComponent(params)}`)
      .expect(400);
    expect(problem(response).detail).toMatch(/^query\.params\.node/);
  });

  it.each([
    ['ids=export-a&around=export-a', 400, /around/],
    ['around=export-a&depth=4', 400, /depth/],
    ['depth=2', 400, /depth/],
    ['format=pdf', 400, /format/],
    ['ids=export-a,no-such-node-here', 404, /ids: no node has the id "no-such-node-here"/],
    ['around=no-such-node-here', 404, /around/],
  ])('When %s is asked, then the answer is %i naming the field', async (query, status, detail) => {
    const response = await api().get(`/api/export?${query}`).expect(status);
    expect(problem(response).detail).toMatch(detail);
  });

  it('When POST names more than 10,000 ids, then a 400 names the limit and the way around it', async () => {
    const ids = Array.from({ length: 10_001 }, (_, index) => `node-${index}`);
    const response = await api().post('/api/export').send({ ids }).expect(400);
    expect(problem(response).detail).toMatch(/body\.ids: at most 10,000 ids; export the whole graph/);
  });
});
