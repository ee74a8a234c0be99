import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../client/src/api/api.js';
import { canvasReducer, collapsibleNeighbours, emptyHistory } from '../../../client/src/graph/canvasState.js';

const node = (id: string) => ({ id, labels: ['Thing'], caption: id, properties: {} });
const edge = (source: string, target: string) => ({
  id: `${source}-${target}`,
  type: 'LINKS',
  source,
  target,
  properties: {},
});
const star: Graph = {
  nodes: ['hub', 'a', 'b', 'c'].map(node),
  edges: [edge('hub', 'a'), edge('hub', 'b'), edge('b', 'c'), edge('c', 'hub')],
};

describe('canvasReducer', () => {
  it('When graphs are added, then nodes and edges merge by id and dangling edges are dropped', () => {
    let history = canvasReducer(emptyHistory, { type: 'add', graph: star });
    history = canvasReducer(history, { type: 'add', graph: { nodes: [node('a')], edges: [edge('a', 'elsewhere')] } });
    expect(Object.keys(history.present.nodes).sort()).toEqual(['a', 'b', 'c', 'hub']);
    expect(Object.keys(history.present.edges)).toHaveLength(4);
  });

  it('When nodes are removed, then their edges go too, and undo and redo step through the changes', () => {
    const added = canvasReducer(emptyHistory, { type: 'add', graph: star });
    const removed = canvasReducer(added, { type: 'remove', ids: ['b'] });
    expect(Object.keys(removed.present.edges).sort()).toEqual(['c-hub', 'hub-a']);
    const undone = canvasReducer(removed, { type: 'undo' });
    expect(undone.present).toEqual(added.present);
    expect(canvasReducer(undone, { type: 'redo' }).present).toEqual(removed.present);
  });

  it('When a relationship is removed by its id (an edit undid it), then it alone goes', () => {
    const added = canvasReducer(emptyHistory, { type: 'add', graph: star });
    const removed = canvasReducer(added, { type: 'remove', ids: ['b-c'] });
    expect(Object.keys(removed.present.nodes).sort()).toEqual(['a', 'b', 'c', 'hub']);
    expect(Object.keys(removed.present.edges).sort()).toEqual(['c-hub', 'hub-a', 'hub-b']);
  });

  it('When a change changes nothing, then it is not recorded', () => {
    const added = canvasReducer(emptyHistory, { type: 'add', graph: star });
    expect(canvasReducer(added, { type: 'add', graph: star })).toBe(added);
  });

  it('When only the selection is kept, then everything else is removed', () => {
    const added = canvasReducer(emptyHistory, { type: 'add', graph: star });
    const kept = canvasReducer(added, { type: 'keepOnly', ids: ['hub', 'a'] });
    expect(Object.keys(kept.present.nodes).sort()).toEqual(['a', 'hub']);
    expect(Object.keys(kept.present.edges)).toEqual(['hub-a']);
  });

  it('When a node is collapsed, then only the neighbours that hang on it alone go', () => {
    const added = canvasReducer(emptyHistory, { type: 'add', graph: star });
    expect(collapsibleNeighbours(added.present, 'hub')).toEqual(['a']);
    const collapsed = canvasReducer(added, { type: 'collapse', id: 'hub' });
    expect(Object.keys(collapsed.present.nodes).sort()).toEqual(['b', 'c', 'hub']);
  });
});
