import { describe, expect, it } from 'vitest';
import type { ApiEdge, ApiNode, Graph } from '../../../client/src/api/api.js';
import { computeLayout } from '../../../client/src/canvas/computeLayout.js';
import { toElements } from '../../../client/src/canvas/edgeGroups.js';
import { kindStyle, palette } from '../../../client/src/canvas/style.js';
import { canvasReducer, emptyHistory } from '../../../client/src/graph/canvasState.js';
import { toCsv } from '../../../client/src/share/exportFiles.js';
import { decodeView, encodeView } from '../../../client/src/share/viewState.js';
import { nodeLook, readStyles, sizeRanges } from '../../../client/src/styling/labelStyles.js';
import { datedKeysOf, guessDating, timeOf } from '../../../client/src/time/dating.js';
import { timelineOf, verbOf } from '../../../client/src/time/timeline.js';

// JavaScript's own names, as labels, relationship types, property keys and node ids (as in
// test/support/foreign-graphs.ts protoGraph): a plain object keyed by them finds Object.prototype's members.
const names = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

const nodes: ApiNode[] = names.map((name, index) => ({
  id: name,
  labels: [names[(index + 1) % names.length]!],
  caption: `Node ${index}`,
  properties: JSON.parse(`{"${name}": ${index}, "day": "202${index}-01-01"}`) as Record<string, unknown>,
}));
const edges: ApiEdge[] = names.map((name, index) => ({
  id: `${name}-edge`,
  type: name,
  source: name,
  target: names[(index + 1) % names.length]!,
  properties: { at: `202${index}-05-01` },
}));
const graph: Graph = { nodes, edges };

describe('labels, types, keys and ids named like Object.prototype members', () => {
  it('When such nodes are added to the canvas and removed, then each is kept by its own id with its edges', () => {
    const added = canvasReducer(emptyHistory, { type: 'add', graph });
    expect(Object.keys(added.present.nodes).sort()).toEqual([...names].sort());
    expect(added.present.nodes.__proto__!.caption).toBe('Node 0');
    expect(Object.keys(added.present.edges)).toHaveLength(names.length);
    // An edge to a node that is not there is dropped, even when its id reads like an Object member.
    const lone = canvasReducer(emptyHistory, {
      type: 'add',
      graph: { nodes: [nodes[2]!], edges: [{ ...edges[1]!, source: 'toString', target: 'constructor' }] },
    });
    expect(Object.keys(lone.present.edges)).toEqual([]);
    const removed = canvasReducer(added, { type: 'remove', ids: ['__proto__'] });
    expect(Object.keys(removed.present.nodes)).not.toContain('__proto__');
    expect(Object.keys(removed.present.edges)).toHaveLength(names.length - 2);
  });

  it('When they are drawn, then each label has a palette colour and each type reads as its own name', () => {
    for (const name of names) {
      expect(palette, name).toContain(kindStyle(name).color);
      expect(kindStyle(name).shape).toBe('ellipse');
      const verb = name.toLowerCase().replace(/_/g, ' ');
      expect(verbOf(name)).toBe(verb);
      expect(verbOf(name, { stance: 'held' })).toBe(verb);
    }
    const history = canvasReducer(emptyHistory, { type: 'add', graph });
    const elements = toElements(history.present, new Set());
    expect(elements.filter((element) => element.data.source).map((element) => element.data.label)).toEqual(names);
    expect(elements.every((element) => typeof (element.data.color ?? '') === 'string')).toBe(true);
  });

  it('When styled by label, sized by such a key and read back from a link, then the styles are those chosen', () => {
    const styles = readStyles(JSON.parse('{"__proto__": {"color": "#d62728", "size": "valueOf"}}'))!;
    expect(Object.keys(styles)).toEqual(['__proto__']);
    const protoNode = nodes[4]!; // labelled __proto__
    expect(nodeLook(protoNode, styles, sizeRanges(nodes, styles)).color).toBe('#d62728');
    expect(nodeLook(nodes[0]!, styles, sizeRanges(nodes, styles)).color).not.toBe('#d62728');
    const view = decodeView(
      encodeView({
        ids: ['__proto__'],
        edges: [],
        positions: JSON.parse('{"__proto__": {"x": 1, "y": 2}}') as Record<string, { x: number; y: number }>,
        styles,
      } as never),
    );
    expect(view?.positions.__proto__).toEqual({ x: 1, y: 2 });
    expect(view?.positions.constructor).toBeUndefined();
  });

  it('When exported as CSV, then a row without a __proto__ or constructor property has an empty cell there', () => {
    const csv = toCsv(nodes.map((node) => ({ fixed: { id: node.id }, properties: node.properties })));
    const [header, first, second] = csv.split('\n');
    expect(header).toBe('id,__proto__,constructor,day,hasOwnProperty,toString,valueOf');
    expect(first).toBe('__proto__,0,,2020-01-01,,,');
    expect(second).toBe('constructor,,1,2021-01-01,,,');
  });

  it('When dated by guesses and choices named after them, then each keeps its own dating and its timeline', () => {
    const guessed = guessDating(edges);
    expect(Object.keys(guessed).sort()).toEqual([...names].sort());
    expect(guessed.__proto__).toEqual({ start: 'at' });
    expect(timeOf(edges[0]!, guessed).since).toBe('2020-05-01');
    expect(timeOf(edges[0]!, JSON.parse('{"constructor": {"start": "at"}}')).since).toBeUndefined();
    // Node 2 has no `constructor` of its own: dated by that key, it has no date (not Object's constructor).
    expect(timeOf(nodes[2]!, { valueOf: { start: 'constructor' } }).since).toBeUndefined();
    expect(datedKeysOf(nodes, 'constructor').map((entry) => entry.key)).toEqual(['day']);
    const history = canvasReducer(emptyHistory, { type: 'add', graph });
    const timeline = timelineOf('constructor', history.present.nodes, history.present.edges, guessed);
    expect(timeline.map((entry) => entry.sentence)).toEqual(['Node 0   proto   Node 1', 'Node 1 constructor Node 2']);
  });

  it.each(['fcose', 'dagre', 'concentric'] as const)(
    'When such nodes are laid out (%s), then each has a place of its own and the layout does not fail',
    (name) => {
      const result = computeLayout({
        id: 1,
        name,
        incremental: false,
        nodes: names.map((id) => ({ id, position: { x: 0, y: 0 }, locked: false })),
        edges: edges.map(({ id, source, target }) => ({ id, source, target })),
      });
      expect(Object.keys(result.positions).sort()).toEqual([...names].sort());
      const places = new Set(
        names.map((id) => `${Math.round(result.positions[id]!.x)},${Math.round(result.positions[id]!.y)}`),
      );
      expect(places.size).toBe(names.length);
    },
  );
});
