import { describe, expect, it } from 'vitest';
import type { ApiEdge, ApiNode } from '../../../client/src/api/api.js';
import { pathChain, reasonsText } from '../../../client/src/paths/pathChain.js';

const node = (id: string, caption: string): ApiNode => ({ id, labels: ['Company'], caption, properties: {} });
const edge = (id: string, type: string, source: string, target: string, properties = {}): ApiEdge => ({
  id,
  type,
  source,
  target,
  properties,
});

describe('paths as chains', () => {
  it('When a path is listed in any order, then it reads from its start, each step in its own direction with its year and sources', () => {
    const path = {
      nodes: [node('stargate', 'Stargate'), node('openai', 'OpenAI'), node('microsoft', 'Microsoft')],
      edges: [
        edge('p', 'PARTNER_IN', 'openai', 'stargate'),
        edge('i', 'INVESTED_IN', 'microsoft', 'openai', { since: '2019-07-01', sources: ['a', 'b'], amountUsd: 1e9 }),
      ],
    };
    expect(pathChain(path, 'microsoft')).toBe(
      'Microsoft —invested in ($1 billion, 2019, 2 sources)→ OpenAI —is a partner in→ Stargate',
    );
    expect(pathChain(path, 'stargate')).toBe(
      'Stargate ←is a partner in— OpenAI ←invested in ($1 billion, 2019, 2 sources)— Microsoft',
    );
  });

  it('When a path is ranked, then its reasons read as words', () => {
    const text = reasonsText(
      { hops: 2, sources: 3, latestStart: '2024-01-01', busiestNode: { id: 'openai', degree: 120 }, heldOn: null },
      (id) => (id === 'openai' ? 'OpenAI' : id),
    );
    expect(text).toBe('2 steps · 3 distinct sources · latest began 2024 · busiest node OpenAI (120)');
  });
});
