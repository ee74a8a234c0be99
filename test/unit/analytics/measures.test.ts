import { describe, expect, it } from 'vitest';
import {
  analyse,
  explain,
  measureNames,
  ordinal,
  pairsThrough,
  shortestPathsVia,
  type AnalyticsInput,
} from '../../../shared/analytics/measures.js';
import { UndirectedGraph } from 'graphology';
import fixture from './karate.json' with { type: 'json' };

const karate: AnalyticsInput = {
  nodes: fixture.karate.club.map((_club, index) => ({ id: `m${index}`, caption: `Member ${index}` })),
  edges: fixture.karate.edges.map(([a, b], index) => ({
    id: `f${index}`,
    type: fixture.karate.club[a!] === fixture.karate.club[b!] ? 'SAME_FACTION' : 'ACROSS',
    source: `m${a}`,
    target: `m${b}`,
  })),
};

/** a → b → c ← a, c → a, d → c, d → e (as in the fixture), plus an isolated node f. */
const small: AnalyticsInput = {
  nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, caption: id.toUpperCase() })),
  edges: fixture.directed.edges.map(([source, target], index) => ({
    id: `e${index}`,
    type: 'LINKS',
    source: source!,
    target: target!,
    weight: index + 1,
  })),
};

describe('analytics measures', () => {
  it('When degree is asked with a weight, then in, out, total and the weighted sum are counted per node', () => {
    const analysis = analyse(small, { measures: ['degree'], weightProperty: 'amount' });
    // Edges e0..e5 weigh 1..6: a→b (1), a→c (2), b→c (3), c→a (4), d→c (5), d→e (6).
    expect(analysis.values.c!.degree).toEqual({ in: 3, out: 1, total: 4, weighted: 2 + 3 + 4 + 5 });
    expect(analysis.values.f!.degree).toEqual({ in: 0, out: 0, total: 0, weighted: 0 });
    expect(analysis.ranks.degree!.c).toBe(1);
    expect(analysis.ranks.degree!.a).toBe(2);
    expect(analysis.ranks.weightedDegree!.c).toBe(1);
  });

  it('When PageRank is asked, then it matches networkx on a directed graph with a dangling node', () => {
    const withoutIsolated = { nodes: small.nodes.filter((node) => node.id !== 'f'), edges: small.edges };
    const analysis = analyse(withoutIsolated, { measures: ['pagerank'] });
    for (const [id, expected] of Object.entries(fixture.directed.pagerank))
      expect(analysis.values[id]!.pagerank).toBeCloseTo(expected, 4);
  });

  it("When betweenness is asked on Zachary's karate club, then every member's value matches networkx", () => {
    const analysis = analyse(karate, { measures: ['betweenness'] });
    expect(analysis.betweennessSample).toBeNull();
    fixture.karate.betweenness.forEach((expected, index) => {
      expect(analysis.values[`m${index}`]!.betweenness).toBeCloseTo(expected, 5);
    });
    // Mr. Hi (0) first, the officer (33) second, as in the literature.
    expect(analysis.ranks.betweenness!.m0).toBe(1);
    expect(analysis.ranks.betweenness!.m33).toBe(2);
  });

  it('When betweenness is sampled, then the answer says so and the ranking of the two leaders holds', () => {
    const options = { measures: ['betweenness'] as const, exactBetweennessLimit: 10, betweennessSamples: 17 };
    const analysis = analyse(karate, options);
    expect(analysis.betweennessSample).toEqual({ sources: 17, of: 34 });
    expect(analysis.ranks.betweenness!.m0).toBe(1);
    expect(analysis.values.m0!.betweenness).not.toBe(fixture.karate.betweenness[0]);
    expect(explain(karate, analysis, 'm0')!.sentences[0]!.text).toContain(
      'estimated from shortest paths starting at 17 sampled nodes',
    );
    // Sampling every node is the exact computation.
    const all = analyse(karate, { ...options, betweennessSamples: 34 });
    expect(all.values.m0!.betweenness).toBeCloseTo(fixture.karate.betweenness[0]!, 5);
  });

  it("When closeness is asked on Zachary's karate club, then every member's value matches networkx", () => {
    const analysis = analyse(karate, { measures: ['closeness'] });
    fixture.karate.closeness.forEach((expected, index) => {
      expect(analysis.values[`m${index}`]!.closeness).toBeCloseTo(expected, 5);
    });
  });

  it("When communities are asked on Zachary's karate club, then Louvain finds networkx's modularity and the split", () => {
    const analysis = analyse(karate, { measures: ['communities'] });
    expect(analysis.modularity!).toBeGreaterThan(fixture.karate.bestLouvainModularity - 0.01);
    const communityOf = (index: number) => analysis.values[`m${index}`]!.community!;
    // The two leaders end up apart, and at most two members (8 and 9 sit between the factions in the
    // literature) share a community whose majority joined the other side.
    expect(communityOf(0)).not.toBe(communityOf(33));
    const majority = analysis.communities.map((community) => {
      const clubs = fixture.karate.club.filter((_club, index) => communityOf(index) === community.id);
      const hi = clubs.filter((club) => club === 'Mr. Hi').length;
      return hi * 2 >= clubs.length ? 'Mr. Hi' : 'Officer';
    });
    const misplaced = fixture.karate.club.filter((club, index) => majority[communityOf(index)] !== club);
    expect(misplaced.length).toBeLessThanOrEqual(2);
    // Numbered largest first, with their sizes adding up to the club.
    const sizes = analysis.communities.map((community) => community.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(34);
    // The same seed gives the same communities.
    expect(analyse(karate, { measures: ['communities'] }).values).toEqual(analysis.values);
  });

  it('When a community is explained, then its most central members and binding types are named', () => {
    const analysis = analyse(karate, { measures: ['communities'] });
    const community = analysis.communities[analysis.values.m33!.community!]!;
    const inside = karate.edges.filter(
      (edge) =>
        analysis.values[edge.source]!.community === community.id &&
        analysis.values[edge.target]!.community === community.id,
    );
    expect(community.types.reduce((sum, type) => sum + type.count, 0)).toBe(inside.length);
    const links = (id: string) => inside.filter((edge) => edge.source === id || edge.target === id).length;
    expect(community.central[0]!.links).toBe(Math.max(...karate.nodes.map((node) => links(node.id))));
    expect(community.explanation).toContain(`${community.size} nodes, bound by SAME_FACTION`);
    expect(community.explanation).toContain(community.central[0]!.caption);
  });

  it('When a node is explained, then each measure reads as a sentence with its rank among the drawn nodes', () => {
    const analysis = analyse(karate, { measures: [...measureNames] });
    const explanation = explain(karate, analysis, 'm0')!;
    const text = (measure: string) => explanation.sentences.find((sentence) => sentence.measure === measure)!.text;
    expect(text('betweenness')).toBe('lies on 44 % of shortest paths between the 34 drawn nodes (1st of 34)');
    expect(text('degree')).toBe('has 16 relationships among the 34 drawn nodes: 16 out, 0 in (2nd of 34)');
    // Member 0 reaches all 33 others; networkx's closeness 0.568966 is 33 / 58 steps: 1.76 on average.
    expect(text('closeness')).toBe(
      'reaches 33 other drawn nodes in 1.76 steps on average, whatever the direction (1st of 34)',
    );
    expect(text('communities')).toMatch(/^belongs to community \d of \d+: \d+ nodes, bound by/);
    expect(explanation.pairCount).toBeGreaterThan(0);
  });

  it('When pairs through a node are asked, then they are the pairs whose shortest paths cross it, with the share', () => {
    // A square a-b-c-d-a with a tail d-e: b and d both lie between a... c; e reaches everyone through d.
    const graph = new UndirectedGraph();
    ['a', 'b', 'c', 'd', 'e'].forEach((node) => graph.addNode(node));
    graph.addEdge('a', 'b');
    graph.addEdge('b', 'c');
    graph.addEdge('c', 'd');
    graph.addEdge('d', 'a');
    graph.addEdge('d', 'e');
    expect(pairsThrough(graph, 'd')).toEqual([
      { source: 'b', target: 'e', share: 1, length: 3 },
      { source: 'a', target: 'e', share: 1, length: 2 },
      { source: 'c', target: 'e', share: 1, length: 2 },
      { source: 'a', target: 'c', share: 0.5, length: 2 },
    ]);
    expect(pairsThrough(graph, 'e')).toEqual([]);
  });

  it('When the graph is empty (nothing drawn yet), then every measure answers with no values', () => {
    const analysis = analyse({ nodes: [], edges: [] }, { measures: [...measureNames] });
    expect(analysis.values).toEqual({});
    expect(analysis.communities).toEqual([]);
    const lone = analyse({ nodes: [{ id: 'a', caption: 'A' }], edges: [] }, { measures: [...measureNames] });
    expect(lone.values.a).toEqual({
      degree: { in: 0, out: 0, total: 0 },
      pagerank: 1,
      betweenness: 0,
      closeness: 0,
      community: 0,
    });
  });

  it('When numbers are ranked, then ordinals read as English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('shortestPathsVia', () => {
  it('When a pair is shown through a node, then only the shortest paths through it are given', () => {
    // a-b-c and a-d-c (two shortest a–c paths), c-e; through b: a-b-c only, then c-e.
    const input: AnalyticsInput = {
      nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, caption: id })),
      edges: [
        ['ab', 'a', 'b'],
        ['bc', 'b', 'c'],
        ['ad', 'a', 'd'],
        ['dc', 'd', 'c'],
        ['ce', 'c', 'e'],
      ].map(([id, source, target]) => ({ id: id!, type: 'T', source: source!, target: target! })),
    };
    const through = shortestPathsVia(input, 'a', 'b', 'e');
    expect(through.nodes.sort()).toEqual(['a', 'b', 'c', 'e']);
    expect(through.edges.sort()).toEqual(['ab', 'bc', 'ce']);
    expect(shortestPathsVia(input, 'b', 'e', 'd')).toEqual({ nodes: [], edges: [] });
  });
});
