import { describe, expect, it } from 'vitest';
import {
  drawnSteps,
  hopLimits,
  pathChain,
  reasonsText,
  searchTime,
  widerLimit,
} from '../../../client/src/paths/pathChain.js';
import { apiEdge, apiNode } from '../../support/api-graph.js';

const node = (id: string, caption: string) => apiNode(id, caption, ['Company']);
const edge = apiEdge;

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

  it('When paths differ only in the share a step states, then each chain reads its share', () => {
    const path = (id: string, figures: Record<string, number>) => ({
      nodes: [node('microsoft', 'Microsoft'), node('restructuring', 'Restructuring')],
      edges: [edge(id, 'STAKE_IN', 'microsoft', 'restructuring', { ...figures, sources: ['a'] })],
    });
    expect(pathChain(path('sought', { percentMin: 30, percentMax: 35 }), 'microsoft')).toBe(
      'Microsoft —stake in (30–35 %, 1 source)→ Restructuring',
    );
    expect(pathChain(path('offered', { percent: 33 }), 'microsoft')).toBe(
      'Microsoft —stake in (33 %, 1 source)→ Restructuring',
    );
  });

  it('When a path is ranked, then its reasons read as words', () => {
    const text = reasonsText(
      {
        hops: 2,
        sources: 3,
        weakestStep: 1,
        latestStart: '2024-01-01',
        busiestNode: { id: 'openai', degree: 120 },
        heldOn: null,
      },
      (id) => (id === 'openai' ? 'OpenAI' : id),
    );
    expect(text).toBe(
      '2 steps · 3 distinct sources · weakest step 1 source · latest began 2024 · busiest node OpenAI (120)',
    );
  });

  it('When a path was searched as of a day, then its reasons say the day it held on', () => {
    const text = reasonsText(
      { hops: 1, sources: 1, weakestStep: 1, latestStart: null, busiestNode: null, heldOn: '2024-08-01' },
      (id) => id,
    );
    expect(text).toBe('1 step · 1 distinct source · held on 1 August 2024');
  });

  it('When a path is stepped to and only part of it is drawn, then each step says whether it is on the canvas and the nodes it would add are named', () => {
    const path = {
      nodes: [node('google-cloud', 'Google Cloud'), node('openai', 'OpenAI'), node('restructuring', 'Restructuring')],
      edges: [
        edge('c', 'PROVIDES_CLOUD_TO', 'google-cloud', 'openai'),
        edge('s', 'SEEKS_STAKE_IN', 'restructuring', 'openai'),
      ],
    };
    const canvas = { nodes: { 'google-cloud': {}, openai: {} }, edges: { c: {} } };
    expect(drawnSteps(path, 'google-cloud', canvas)).toEqual({
      steps: [
        { text: 'Google Cloud —provides cloud to→ OpenAI', drawn: true },
        { text: 'OpenAI ←seeks stake in— Restructuring', drawn: false },
      ],
      missingNodes: [path.nodes[2]],
    });
    // A relationship that shares its id with a drawn node is not drawn for that.
    expect(
      drawnSteps(path, 'google-cloud', { nodes: { c: {}, s: {} }, edges: {} }).steps.map((step) => step.drawn),
    ).toEqual([false, false]);
  });
});

describe('The path limit the panel offers', () => {
  it('When no path was found within a limit, then the next one is suggested, and none past 8 (the API bound)', () => {
    expect(hopLimits.map(([hops]) => hops)).toEqual([4, 5, 6, 7, 8]);
    expect(widerLimit(4)).toBe(5);
    expect(widerLimit(7)).toBe(8);
    expect(widerLimit(8)).toBeUndefined();
  });

  it('When a limit is offered, then its time cost is said', () => {
    for (const [hops, name] of hopLimits) expect(name).toMatch(new RegExp(`^${hops} steps \\(.+\\)$`));
    expect(searchTime(0.43)).toBe('0.4 s');
    expect(searchTime(12.4)).toBe('12 s');
  });
});
