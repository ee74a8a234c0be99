import { describe, expect, it } from 'vitest';
import { countGraph } from '../../../client/src/app/graphSummary.js';
import { apiNode } from '../../support/api-graph.js';

describe('The legend of the labels on the canvas', () => {
  it('When a label is only ever a second label, then it is counted but no node is drawn in it', () => {
    const counts = countGraph({
      nodes: {
        keanu: apiNode('keanu', 'Keanu', ['Person', 'Actor']),
        lana: apiNode('lana', 'Lana', ['Person', 'Director']),
        matrix: apiNode('matrix', 'The Matrix', ['Movie']),
      },
      edges: {},
    });
    expect(counts.labels).toEqual([
      ['Actor', 1],
      ['Director', 1],
      ['Movie', 1],
      ['Person', 2],
    ]);
    expect(counts.drawnLabels).toEqual(['Movie', 'Person']);
  });
});
