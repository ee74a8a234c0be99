import { describe, expect, it, vi } from 'vitest';
import type { DisagreementVersion, Graph } from '../../../client/src/api/api.js';
import { apiEdge, apiNode } from '../../support/api-graph.js';

// The API module registers the page's probe on `window`, which Node does not have.
vi.stubGlobal('window', globalThis);
const { factTexts } = await import('../../../client/src/evidence/Versions.js');
const { isDisputed } = await import('../../../client/src/evidence/disputes.js');
const { formatProperty } = await import('../../../client/src/inspect/format.js');

const version = (id: string, kind: DisagreementVersion['kind'], claim: string | null = null): DisagreementVersion => ({
  kind,
  id,
  figures: {},
  qualifier: null,
  claim,
  sources: [],
  since: null,
  until: null,
});

const node = (id: string, caption: string, labels = ['Company']) => apiNode(id, caption, labels);
const edge = apiEdge;
const nodes = [
  node('microsoft', 'Microsoft'),
  node('openai', 'OpenAI'),
  node('restructuring', 'OpenAI for-profit restructuring', ['Deal']),
];
const statements = (graph: Graph, versions: DisagreementVersion[]) => [
  ...factTexts({ id: 'group', versions }, graph).values(),
];

describe('what each version of a disagreement states', () => {
  it('When versions are different relationships, then each reads as its own statement between its ends', () => {
    const graph: Graph = {
      nodes,
      edges: [
        edge('sought', 'SEEKS_STAKE_IN', 'microsoft', 'restructuring'),
        edge('offered', 'OFFERED_STAKE_TO', 'openai', 'microsoft'),
      ],
    };
    expect(statements(graph, [version('sought', 'relationship'), version('offered', 'relationship')])).toEqual([
      'Microsoft seeks stake in OpenAI for-profit restructuring',
      'OpenAI offered stake to Microsoft',
    ]);
  });

  it('When versions are one type between the same ends, then the word-valued property that tells them apart is added, not their figures or sources', () => {
    const stake = (id: string, stance: string, extra: Record<string, unknown> = {}) =>
      edge(id, 'STAKE_IN', 'microsoft', 'restructuring', { stance, sources: [id], claim: id, ...extra });
    const graph: Graph = {
      nodes,
      edges: [
        stake('sought', 'sought', { percentMin: 30, percentMax: 35, reportedBy: 'Bloomberg' }),
        stake('offered', 'offered', { percent: 33, statusAsOf: '2025-06' }),
      ],
    };
    const sought = { ...version('sought', 'relationship'), figures: { percentMin: 30, percentMax: 35 } };
    const offered = { ...version('offered', 'relationship'), figures: { percent: 33 } };
    // The dataset's stakes read by their stance; another graph's alike versions get the telling word added.
    expect(statements(graph, [sought, offered])).toEqual([
      'Microsoft seeks a stake in OpenAI for-profit restructuring',
      'Microsoft was offered a stake in OpenAI for-profit restructuring',
    ]);
    const bids: Graph = {
      nodes,
      edges: graph.edges.map((stakeEdge) => ({
        ...stakeEdge,
        type: 'BID_ON',
        properties: { ...stakeEdge.properties, stance: undefined, phase: stakeEdge.id },
      })),
    };
    expect(statements(bids, [sought, offered])).toEqual([
      'Microsoft bid on OpenAI for-profit restructuring (sought)',
      'Microsoft bid on OpenAI for-profit restructuring (offered)',
    ]);
    // The same statement with other figures reads the same: the figures column tells them apart.
    const invested: Graph = {
      nodes,
      edges: [
        edge('13', 'INVESTED_IN', 'microsoft', 'openai', { amountUsd: 13e9, key: '13' }),
        edge('14', 'INVESTED_IN', 'microsoft', 'openai', { amountUsd: 14e9, key: '14' }),
      ],
    };
    expect(
      statements(invested, [
        { ...version('13', 'relationship'), figures: { amountUsd: 13e9 } },
        { ...version('14', 'relationship'), figures: { amountUsd: 14e9 } },
      ]),
    ).toEqual(['Microsoft invested in OpenAI', 'Microsoft invested in OpenAI']);
  });

  it('When a version is a node, then it reads as its name and label; when the graph lacks it, as its claim', () => {
    const graph: Graph = { nodes, edges: [] };
    expect(
      statements(graph, [
        version('restructuring', 'node'),
        version('gone', 'relationship', 'Microsoft wants a third.'),
      ]),
    ).toEqual(['OpenAI for-profit restructuring (Deal)', 'Microsoft wants a third.']);
  });

  it('When the disputes key is a number (another graph), then the element is still a version of a disagreement', () => {
    expect(isDisputed({ disputes: 7 })).toBe(true);
    expect(isDisputed({ disputes: 'microsoft-total-investment' })).toBe(true);
    expect(isDisputed({ disputes: '' })).toBe(false);
    expect(isDisputed({})).toBe(false);
    expect(formatProperty('disputes', 7, {})).toBe('yes: the sources give other figures (7)');
  });
});

describe('an edge of a disagreement is marked on the canvas', () => {
  it('When its disputes key is a number, then the canvas marks it as a string key would be', async () => {
    const { edgeStatus } = await import('../../../client/src/canvas/status.js');
    const view = {
      dating: {},
      hiddenLabels: new Set<string>(),
      hiddenTypes: new Set<string>(),
      highlighted: new Set<string>(),
      pinned: new Set<string>(),
    };
    const edge = (disputes: unknown) => ({
      id: 'e',
      type: 'INVESTED_IN',
      source: 'a',
      target: 'b',
      properties: { disputes },
    });
    expect(edgeStatus(edge(7), view).disputed).toBe(true);
    expect(edgeStatus(edge('total'), view).disputed).toBe(true);
    expect(edgeStatus(edge(''), view).disputed).toBe(false);
  });
});
