import { describe, expect, it } from 'vitest';
import { describeNode, inDirection } from '../../../client/src/canvas/neighbours.js';
import type { CanvasGraph } from '../../../client/src/graph/canvasState.js';

const right = { x: 1, y: 0 };
const up = { x: 0, y: -1 };

describe('the arrow keys on the canvas', () => {
  const from = { x: 0, y: 0 };
  const around = [
    { id: 'east', x: 100, y: 10 },
    { id: 'far-east', x: 300, y: 0 },
    { id: 'north-east', x: 60, y: -60 },
    { id: 'north', x: 5, y: -120 },
    { id: 'west', x: -50, y: 0 },
  ];

  it('When an arrow is pressed, then the nearest node in its direction is chosen, straight ahead counting nearer', () => {
    expect(inDirection(from, around, right)?.id).toBe('east');
    // north-east is nearer (85 px) but 45° off the line, which counts as 135 px; north is 120 px straight up.
    expect(inDirection(from, around, up)?.id).toBe('north');
  });

  it('When nothing lies within 67.5° of the arrow, then nothing is chosen', () => {
    expect(
      inDirection(
        from,
        [
          { id: 'west', x: -50, y: 0 },
          { id: 'south', x: 0, y: 50 },
        ],
        right,
      ),
    ).toBeUndefined();
    // The node itself (no distance) is never its own neighbour.
    expect(inDirection(from, [{ id: 'self', x: 0, y: 0 }], right)).toBeUndefined();
  });
});

describe('what the canvas says of the node the keyboard is on', () => {
  const node = (id: string, caption: string, labels = ['Company']) => ({ id, caption, labels, properties: {} });
  const graph = {
    nodes: { a: node('a', 'Microsoft'), b: node('b', 'OpenAI'), c: node('c', 'Sam Altman', ['Person']) },
    edges: {
      ab1: { id: 'ab1', type: 'INVESTED_IN', source: 'a', target: 'b', properties: {} },
      ab2: { id: 'ab2', type: 'PARTNER_IN', source: 'b', target: 'a', properties: {} },
      cb: { id: 'cb', type: 'CEO_OF', source: 'c', target: 'b', properties: {} },
    },
  } as unknown as CanvasGraph;

  it('When a node is described, then its caption, labels, relationships and neighbours are said', () => {
    expect(describeNode(graph, 'b')).toBe(
      'OpenAI, Company: 3 relationships drawn with 2 neighbours (Microsoft, Sam Altman).',
    );
    expect(describeNode(graph, 'c')).toBe('Sam Altman, Person: 1 relationship drawn with 1 neighbour (OpenAI).');
  });
});
