import { describe, expect, it } from 'vitest';
import { problem, useApi } from '../../support/api.js';

const context = useApi();
const api = () => context.api();

interface Node {
  id: string;
  caption: string;
  labels: string[];
  degree?: { in: number; out: number; total: number; weighted?: number };
  pagerank?: number;
  betweenness?: number;
  community?: number;
  ranks: Record<string, number>;
  explanation: string[];
  pairs?: { source: string; target: string; share: number; length: number }[];
}
interface Edge {
  id: string;
  type: string;
  source: string;
  target: string;
}

const allMeasures = ['degree', 'pagerank', 'betweenness', 'closeness', 'communities'];

describe('POST /api/analytics on the default dataset', () => {
  it("When Microsoft's neighbourhood is measured, then Microsoft, its hub, ranks first by degree and betweenness", async () => {
    const { body } = await api()
      .post('/api/analytics')
      .send({ around: { id: 'microsoft', depth: 1 }, measures: allMeasures })
      .expect(200);
    const nodes = body.nodes as Node[];
    const edges = body.graph.edges as Edge[];
    expect(nodes.length).toBe(body.graph.nodes.length);
    expect(nodes[0]!.id).toBe('microsoft');
    const microsoft = nodes[0]!;
    // Every other node of a 1-ring neighbourhood is linked to Microsoft: its degree counts those links.
    const touching = edges.filter((edge) => edge.source === 'microsoft' || edge.target === 'microsoft');
    expect(microsoft.degree!.total).toBe(touching.length);
    expect(microsoft.degree!.out).toBe(touching.filter((edge) => edge.source === 'microsoft').length);
    expect(new Set(touching.flatMap((edge) => [edge.source, edge.target])).size).toBe(nodes.length);
    expect(microsoft.ranks.degree).toBe(1);
    expect(microsoft.ranks.betweenness).toBe(1);
    // Degrees add up to twice the relationships; PageRank to 1.
    expect(nodes.reduce((sum, node) => sum + node.degree!.total, 0)).toBe(2 * edges.length);
    expect(nodes.reduce((sum, node) => sum + node.pagerank!, 0)).toBeCloseTo(1, 6);
    // Source documents are left out by default, as for paths.
    expect(body.meta.excluded).toEqual(['MENTIONED_IN']);
    expect(edges.some((edge) => edge.type === 'MENTIONED_IN')).toBe(false);
    expect(nodes.some((node) => node.labels.includes('Source'))).toBe(false);
    // Explained in words, with the pairs it stands between.
    expect(microsoft.explanation).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^lies on \\d+ % of shortest paths between the ${nodes.length} drawn nodes \\(1st of ${nodes.length}\\)$`,
        ),
      ),
    );
    expect(microsoft.pairs!.length).toBeGreaterThan(0);
    for (const pair of microsoft.pairs!) {
      // A pair whose shortest paths run through Microsoft is not linked directly.
      const direct = edges.some(
        (edge) =>
          (edge.source === pair.source && edge.target === pair.target) ||
          (edge.source === pair.target && edge.target === pair.source),
      );
      expect(direct).toBe(false);
      expect(pair.length).toBe(2);
    }
    // Communities: every node in one, sizes adding up, each explained.
    expect(body.communities.reduce((sum: number, community: { size: number }) => sum + community.size, 0)).toBe(
      nodes.length,
    );
    expect(body.communities[0].explanation).toMatch(/^\d+ nodes, bound by /);
    expect(body.betweennessSample).toBeNull();
  });

  it('When given ids, then only the relationships among them are measured', async () => {
    const ids = ['microsoft', 'openai', 'azure', 'no-such-node'];
    const { body } = await api()
      .post('/api/analytics')
      .send({ ids, measures: ['degree'] })
      .expect(200);
    expect(body.meta.missing).toEqual(['no-such-node']);
    expect((body.nodes as Node[]).map((node) => node.id).sort()).toEqual(['azure', 'microsoft', 'openai']);
    const degreeOf = (id: string) => (body.nodes as Node[]).find((node) => node.id === id)!.degree!.total;
    const edges = body.graph.edges as Edge[];
    for (const id of ['microsoft', 'openai', 'azure'])
      expect(degreeOf(id)).toBe(edges.filter((edge) => edge.source === id || edge.target === id).length);
  });

  it('When measured as of a date, then relationships that had not begun are left out', async () => {
    const request = { around: { id: 'openai', depth: 1 }, measures: ['degree'] };
    const now = (await api().post('/api/analytics').send(request).expect(200)).body;
    const then = (
      await api()
        .post('/api/analytics')
        .send({ ...request, asOf: '2019-01-01' })
        .expect(200)
    ).body;
    expect(then.meta.relationships).toBeLessThan(now.meta.relationships);
    const openai = (body: { nodes: Node[] }) => body.nodes.find((node) => node.id === 'openai')!.degree!.total;
    expect(openai(then)).toBeLessThan(openai(now));
  });

  it('When weighted by amountUsd, then weighted degree sums that property', async () => {
    const { body } = await api()
      .post('/api/analytics')
      .send({ around: { id: 'microsoft', depth: 1 }, measures: ['degree'], weight: 'amountUsd' })
      .expect(200);
    const edges = body.graph.edges as (Edge & { properties: Record<string, unknown> })[];
    const expected = edges
      .filter((edge) => edge.source === 'microsoft' || edge.target === 'microsoft')
      .reduce((sum, edge) => sum + (typeof edge.properties.amountUsd === 'number' ? edge.properties.amountUsd : 0), 0);
    expect(expected).toBeGreaterThan(0);
    expect((body.nodes as Node[]).find((node) => node.id === 'microsoft')!.degree!.weighted).toBe(expected);
  });

  it('When a neighbourhood is two rings deep, then it holds more nodes than one ring', async () => {
    const one = (
      await api()
        .post('/api/analytics')
        .send({ around: { id: 'azure', depth: 1 }, measures: ['degree'] })
    ).body;
    const two = (
      await api()
        .post('/api/analytics')
        .send({ around: { id: 'azure', depth: 2 }, measures: ['degree'] })
    ).body;
    expect(two.meta.nodes).toBeGreaterThan(one.meta.nodes);
    expect(two.meta.truncated).toBe(false);
  });
});

describe('POST /api/analytics bad input', () => {
  const bad = async (body: object, status = 400) =>
    problem(await api().post('/api/analytics').send(body).expect(status));

  it('When a measure is unknown, then it is a 400 naming the field', async () => {
    const answer = await bad({ ids: ['microsoft'], measures: ['degree', 'fame'] });
    expect(answer.detail).toMatch(/^body\.measures\.1:/);
  });

  it('When more than 1,000 ids are sent, then it is a 400 naming the field', async () => {
    const ids = Array.from({ length: 1001 }, (_, index) => `n${index}`);
    expect((await bad({ ids, measures: ['degree'] })).detail).toMatch(/^body\.ids: at most 1,000 ids/);
  });

  it('When both ids and around, or neither, are given, then it is a 400 naming the field', async () => {
    expect((await bad({ ids: ['microsoft'], around: { id: 'openai' }, measures: ['degree'] })).detail).toMatch(
      /^body\.around: give either ids or around/,
    );
    expect((await bad({ measures: ['degree'] })).detail).toMatch(/^body\.ids: give either ids or around/);
  });

  it('When depth, exclude or weight are out of bounds or unknown, then it is a 400 naming the field', async () => {
    expect((await bad({ around: { id: 'openai', depth: 4 }, measures: ['degree'] })).detail).toMatch(
      /^body\.around\.depth:/,
    );
    expect((await bad({ ids: ['openai'], measures: ['degree'], exclude: ['NO_SUCH_TYPE'] })).detail).toMatch(
      /body\.exclude/,
    );
    expect((await bad({ ids: ['openai'], measures: ['degree'], weight: 'noSuchKey' })).detail).toMatch(/body\.weight/);
    expect((await bad({ ids: ['openai'], measures: [] })).detail).toMatch(/^body\.measures:/);
  });

  it('When the neighbourhood starts at no node, then it is a 404', async () => {
    expect((await bad({ around: { id: 'no-such-node' }, measures: ['degree'] }, 404)).detail).toMatch(/no-such-node/);
  });
});
