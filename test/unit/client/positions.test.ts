import { describe, expect, it, vi } from 'vitest';
import { apiEdge, apiNode } from '../../support/api-graph.js';

// The API module registers the page's probe on `window`, which Node does not have.
vi.stubGlobal('window', globalThis);
const { positionRows } = await import('../../../client/src/evidence/Positions.js');

const position = (id: string, caption: string, properties: Record<string, unknown>) => ({
  ...apiNode(id, caption, ['Position']),
  properties,
});

describe('positions side by side in the inspector', () => {
  it('When an issue has three positions, then each reads with its stance, figures, date and sources, the latest last', () => {
    const graph = {
      nodes: [
        apiNode('issue', 'Issue: stake', ['Issue']),
        position('offer', 'OpenAI offers 33 %', {
          stance: 'offers',
          percent: 33,
          statusAsOf: '2025-06-01',
          statusAsOfPrecision: 'month',
          sources: ['d4'],
        }),
        position('range', '20–49 % under discussion', {
          stance: 'under discussion',
          percentMin: 20,
          percentMax: 49,
          sources: ['d0'],
        }),
        position('ask', 'Microsoft wants 30–35 %', {
          stance: 'wants',
          percentMin: 30,
          percentMax: 35,
          qualifier: 'reported',
          sources: ['d1'],
        }),
        position('elsewhere', 'On another issue', { stance: 'wants', sources: ['d1'] }),
      ],
      edges: [
        apiEdge('e1', 'POSITION_ON', 'offer', 'issue'),
        apiEdge('e2', 'POSITION_ON', 'range', 'issue'),
        apiEdge('e3', 'POSITION_ON', 'ask', 'issue'),
        apiEdge('e4', 'POSITION_ON', 'elsewhere', 'other'),
      ],
    };
    expect(positionRows(graph, 'issue')).toEqual([
      {
        id: 'ask',
        name: 'Microsoft wants 30–35 %',
        stance: 'wants',
        figures: '30–35 %',
        asOf: '—',
        qualifier: 'reported',
        sources: ['d1'],
      },
      {
        id: 'range',
        name: '20–49 % under discussion',
        stance: 'under discussion',
        figures: '20–49 %',
        asOf: '—',
        qualifier: '—',
        sources: ['d0'],
      },
      {
        id: 'offer',
        name: 'OpenAI offers 33 %',
        stance: 'offers',
        figures: '33 %',
        asOf: 'June 2025',
        qualifier: '—',
        sources: ['d4'],
      },
    ]);
  });
});
