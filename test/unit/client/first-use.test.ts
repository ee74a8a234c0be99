import { describe, expect, it } from 'vitest';
import { canvasReducer, emptyHistory } from '../../../client/src/graph/canvasState.js';
import { caretUnder, withoutNeo4jPosition } from '../../../client/src/queries/consoleError.js';
import { elementsOf, formatCell } from '../../../client/src/queries/readable.js';
import { toCsv } from '../../../client/src/share/exportFiles.js';
import { readView } from '../../../client/src/share/viewState.js';
import { timeDefaults } from '../../../client/src/time/time.js';
import { timelineOf } from '../../../client/src/time/timeline.js';
import { apiEdge, apiNode } from '../../support/api-graph.js';

const node = apiNode;
const edge = apiEdge;

describe('canvas history', () => {
  const graph = { nodes: [node('a'), node('b')], edges: [edge('ab', 'LINKS', 'a', 'b')] };

  it('When the page opens on a view, then nothing can be undone', () => {
    const opened = canvasReducer(emptyHistory, { type: 'open', graph });
    expect(opened.past).toEqual([]);
    expect(canvasReducer(opened, { type: 'undo' })).toBe(opened);
  });

  it('When a filter changes, then it is one undo step', () => {
    const opened = canvasReducer(emptyHistory, { type: 'open', graph });
    const filtered = canvasReducer(opened, {
      type: 'filter',
      filters: { hiddenLabels: ['Thing'], hiddenTypes: opened.filters.hiddenTypes },
    });
    expect(filtered.past).toHaveLength(1);
    expect(canvasReducer(filtered, { type: 'undo' }).filters).toEqual(opened.filters);
  });

  it('When an addition also shows a hidden type, then both are one step', () => {
    const opened = canvasReducer(emptyHistory, { type: 'open', graph });
    const added = canvasReducer(opened, {
      type: 'add',
      graph: { nodes: [node('c')], edges: [edge('ac', 'MENTIONED_IN', 'a', 'c')] },
      filters: { hiddenLabels: [], hiddenTypes: [] },
    });
    expect(added.past).toHaveLength(1);
    expect(added.filters.hiddenTypes).toEqual([]);
    const undone = canvasReducer(added, { type: 'undo' });
    expect(undone.filters.hiddenTypes).toEqual(['MENTIONED_IN']);
    expect(Object.keys(undone.present.nodes)).toEqual(['a', 'b']);
  });
});

describe('timeDefaults', () => {
  const items = [{ since: '2019-07-22' }, { since: '2023-11-01', until: '2024-07-01' }, { since: '2030-01-01' }];

  it('When some dates are planned in the future, then As of opens on the latest change not after today', () => {
    expect(timeDefaults(items, '2026-11-24')?.asOf).toBe('2024-07-01');
  });

  it('When Compare opens, then its range ends there and holds another change', () => {
    const { compare } = timeDefaults(items, '2026-11-24')!;
    expect(compare.to).toBe('2024-07-01');
    expect(compare.from < '2023-11-01').toBe(true);
  });

  it('When nothing is dated, then there are no defaults', () => {
    expect(timeDefaults([{}], '2026-11-24')).toBeUndefined();
  });
});

describe('timelineOf', () => {
  it('When a node was founded by a person, then the sentence starts with the founder, with since–until', () => {
    const nodes = { openai: node('openai', 'OpenAI'), sam: node('sam', 'Sam Altman'), ms: node('ms', 'Microsoft') };
    const edges = {
      f: edge('f', 'FOUNDED', 'sam', 'openai', { since: '2015-01-01', sincePrecision: 'year' }),
      o: edge('o', 'OBSERVER_ON_BOARD_OF', 'ms', 'openai', {
        since: '2023-11-01',
        sincePrecision: 'month',
        // Exclusive: the first month the seat was no longer held (it was given up in July 2024).
        until: '2024-08-01',
        untilPrecision: 'month',
      }),
    };
    expect(timelineOf('openai', nodes, edges).map((entry) => `${entry.when}: ${entry.sentence}`)).toEqual([
      '2015: Sam Altman founded OpenAI',
      'November 2023 – July 2024: Microsoft is an observer on the board of OpenAI',
    ]);
    // Costs for 2024 (until the first day of 2025) read as one year, not "2024 – 2024".
    const costs = {
      c: edge('c', 'PAID_REVENUE_SHARE_TO', 'openai', 'ms', {
        since: '2024-01-01',
        sincePrecision: 'year',
        until: '2025-01-01',
        untilPrecision: 'year',
      }),
    };
    expect(timelineOf('openai', nodes, costs).map((entry) => entry.when)).toEqual(['2024']);
  });
});

describe('shared links', () => {
  it('When the hash is not base64 JSON, then the link is damaged, not silently ignored', () => {
    expect(readView('#view=not-base64')).toEqual({ kind: 'damaged' });
    expect(readView('#other')).toEqual({ kind: 'none' });
  });
});

describe('exports and results', () => {
  it('When nodes carry an id property, then the CSV has one id column', () => {
    const csv = toCsv([{ fixed: { id: 'a', caption: 'A' }, properties: { id: 'a', size: 1 } }]);
    expect(csv.split('\n')[0]).toBe('id,caption,size');
  });

  it('When result values are amounts, dates, nodes or lists, then they read as people write them', () => {
    expect(formatCell('r.amountUsd', 13_000_000_000)).toBe('$13 billion');
    expect(formatCell('since', '2024-07-01')).toBe('1 July 2024');
    expect(formatCell('a', node('ms', 'Microsoft'))).toBe('Microsoft');
    expect(formatCell('voting', false)).toBe('no');
    expect(formatCell('x', null)).toBe('—');
    expect(elementsOf([node('a'), [node('b')], 3]).nodes.map((found) => found.id)).toEqual(['a', 'b']);
  });

  it("When Neo4j's message carries its own position, then only ours is shown, with a caret", () => {
    expect(withoutNeo4jPosition("Invalid input 'RETURN': expected ')' (line 1, column 18 (offset: 17))")).toBe(
      "Invalid input 'RETURN': expected ')'",
    );
    expect(caretUnder('MATCH (n RETURN n', { line: 1, column: 10 })).toBe('MATCH (n RETURN n\n         ^');
  });
});
