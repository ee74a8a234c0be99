import { describe, expect, it } from 'vitest';
import { drawnInput, numericEdgeKeys } from '../../../client/src/analytics/drawn.js';
import { communityColour, formatValue, measureLooks, readRule } from '../../../client/src/analytics/looks.js';
import type { CanvasView } from '../../../client/src/canvas/status.js';
import type { CanvasGraph } from '../../../client/src/graph/canvasState.js';
import { analyse, measureNames } from '../../../shared/analytics/measures.js';

const node = (id: string, labels: string[], properties: Record<string, unknown> = {}) => ({
  id,
  labels,
  caption: id.toUpperCase(),
  properties,
});
const edge = (id: string, type: string, source: string, target: string, properties: Record<string, unknown> = {}) => ({
  id,
  type,
  source,
  target,
  properties,
});

const graph: CanvasGraph = {
  nodes: {
    a: node('a', ['Company']),
    b: node('b', ['Company']),
    c: node('c', ['Company'], { since: '2030-01-01' }),
    s: node('s', ['Source']),
  },
  edges: {
    ab: edge('ab', 'INVESTED_IN', 'a', 'b', { amountUsd: 10, since: '2019-01-01' }),
    bc: edge('bc', 'PARTNER_IN', 'b', 'c', { amountUsd: 'n/a' }),
    as: edge('as', 'MENTIONED_IN', 'a', 's'),
    ac: edge('ac', 'INVESTED_IN', 'a', 'c', { since: '2025-01-01' }),
  },
};
const view = (changes: Partial<CanvasView> = {}): CanvasView => ({
  dating: {},
  hiddenLabels: new Set(),
  hiddenTypes: new Set(['MENTIONED_IN']),
  highlighted: new Set(),
  pinned: new Set(),
  ...changes,
});

describe('the measured graph is the drawn one', () => {
  it('When a type is hidden (source-document mentions by default), then its relationships are not measured', () => {
    const input = drawnInput(graph, view());
    expect(input.edges.map((one) => one.id).sort()).toEqual(['ab', 'ac', 'bc']);
    expect(input.nodes).toHaveLength(4);
  });

  it('When a label is hidden, then its nodes and their relationships are not measured', () => {
    const input = drawnInput(graph, view({ hiddenLabels: new Set(['Source']), hiddenTypes: new Set() }));
    expect(input.nodes.map((one) => one.id).sort()).toEqual(['a', 'b', 'c']);
    expect(input.edges.map((one) => one.id)).not.toContain('as');
  });

  it('When As of is set, then what does not hold that day is left out', () => {
    const input = drawnInput(graph, view({ asOf: '2020-06-01' }));
    // c begins in 2030, ac in 2025: neither holds in 2020.
    expect(input.nodes.map((one) => one.id).sort()).toEqual(['a', 'b', 's']);
    expect(input.edges.map((one) => one.id)).toEqual(['ab']);
  });

  it('When a weight property is chosen, then only its numbers weigh', () => {
    const input = drawnInput(graph, view(), 'amountUsd');
    expect(input.edges.find((one) => one.id === 'ab')!.weight).toBe(10);
    expect(input.edges.find((one) => one.id === 'bc')!.weight).toBeUndefined();
    expect(numericEdgeKeys(graph)).toEqual(['amountUsd']);
  });
});

describe("the measures' styling rule", () => {
  const analysis = analyse(drawnInput(graph, view()), { measures: measureNames });

  it('When nodes are sized by a measure, then the highest is 56 px and a zero 16 px', () => {
    const looks = measureLooks(analysis, { size: 'betweenness' });
    // a–b–c with a–c: a triangle, so no node lies between others; degree then.
    expect(looks.a!.size).toBe(16);
    const byDegree = measureLooks(analysis, { size: 'degree' });
    expect(byDegree.a!.size).toBe(56);
    expect(byDegree.s!.size).toBe(16);
    expect(byDegree.b!.size).toBeGreaterThan(16);
  });

  it('When nodes are coloured by community, then each takes its community colour', () => {
    const looks = measureLooks(analysis, { color: 'community' });
    expect(looks.a!.color).toBe(communityColour(analysis.values.a!.community!));
    expect(looks.s!.color).not.toBe(looks.a!.color);
  });

  it('When no rule is set, then nothing overrides the label styles', () => {
    expect(measureLooks(analysis, {})).toEqual({});
  });

  it('When a stored rule is malformed, then only its well-formed parts are read', () => {
    expect(readRule({ size: 'betweenness', color: 'fame' })).toEqual({ size: 'betweenness' });
    expect(readRule('nonsense')).toEqual({});
  });

  it('When values are written, then shares read as percentages and zero as 0', () => {
    expect(formatValue('betweenness', 0.4376)).toBe('43.8 %');
    expect(formatValue('pagerank', 0)).toBe('0');
    expect(formatValue('degree', 12)).toBe('12');
  });
});
