import { describe, expect, it } from 'vitest';
import type { ApiEdge, ApiNode } from '../../../client/src/api/api.js';
import { failsValueFilters, readValueFilters } from '../../../client/src/filters/valueFilters.js';
import { spanOf, valuesOf } from '../../../client/src/filters/valueSpans.js';
import { canvasReducer, emptyHistory } from '../../../client/src/graph/canvasState.js';
import { captionText, isInternalKey, nodeLook, sizeRanges } from '../../../client/src/styling/labelStyles.js';
import { readRules, ruleColour } from '../../../client/src/styling/rules.js';

const deal = (id: string, properties: Record<string, unknown>): ApiNode => ({
  id,
  labels: ['Deal'],
  caption: id,
  properties,
});
const small = deal('small', { amountUsd: 1e9, since: '2019-01-01', sincePrecision: 'year', dealType: 'investment' });
const large = deal('large', { amountUsd: 1e10, since: '2023-01-01', sincePrecision: 'month', status: 'disputed' });
const none = deal('none', { dealType: 'licence' });
const company: ApiNode = { id: 'acme', labels: ['Company'], caption: 'Acme', properties: { amountUsd: 5 } };
const invested: ApiEdge = {
  id: 'e1',
  source: 'acme',
  target: 'large',
  type: 'INVESTED_IN',
  properties: { amountUsd: 14e9 },
};

describe('filters by property value', () => {
  it('When Deals are kept from $2 billion up, then smaller and unpriced Deals fail, and other labels are not concerned', () => {
    const filters = [{ kind: 'node' as const, name: 'Deal', key: 'amountUsd', min: 2e9 }];
    expect([small, large, none, company].map((node) => failsValueFilters(node, filters))).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('When a range is applied with neither bound, then every Deal with the value is kept, whatever its size', () => {
    const filters = [{ kind: 'node' as const, name: 'Deal', key: 'amountUsd' }];
    expect([small, large, none].map((node) => failsValueFilters(node, filters))).toEqual([false, false, true]);
  });

  it('When a date range or a set of texts is given, then values are compared as days or as texts', () => {
    const since = [{ kind: 'node' as const, name: 'Deal', key: 'since', min: '2020-01-01', max: '2024-12-31' }];
    expect([small, large].map((node) => failsValueFilters(node, since))).toEqual([true, false]);
    const texts = [{ kind: 'node' as const, name: 'Deal', key: 'dealType', values: ['licence'] }];
    expect([small, none].map((node) => failsValueFilters(node, texts))).toEqual([true, false]);
    const edges = [{ kind: 'edge' as const, name: 'INVESTED_IN', key: 'amountUsd', max: 1e10 }];
    expect(failsValueFilters(invested, edges)).toBe(true);
  });

  it('When the form reads what is drawn, then numbers and dates give their span and texts their values', () => {
    const nodes = [small, large, none];
    expect(spanOf(valuesOf(nodes, 'node', 'Deal', 'amountUsd'))).toMatchObject({ kind: 'number', min: 1e9, max: 1e10 });
    expect(spanOf(valuesOf(nodes, 'node', 'Deal', 'since'))).toMatchObject({
      kind: 'date',
      min: '2019-01-01',
      max: '2023-01-01',
    });
    expect(spanOf(valuesOf(nodes, 'node', 'Deal', 'dealType')).texts).toEqual(['investment', 'licence']);
  });

  it('When a filter changes, then it is one step of the history, undone and redone', () => {
    const filters = { hiddenLabels: [], hiddenTypes: [] };
    const valueFilters = [{ kind: 'node' as const, name: 'Deal', key: 'amountUsd', min: 2e9 }];
    const filtered = canvasReducer(
      { ...emptyHistory, filters },
      { type: 'filter', filters: { ...filters, valueFilters } },
    );
    expect(filtered.filters.valueFilters).toEqual(valueFilters);
    const undone = canvasReducer(filtered, { type: 'undo' });
    expect(undone.filters.valueFilters).toBeUndefined();
    expect(canvasReducer(undone, { type: 'redo' }).filters.valueFilters).toEqual(valueFilters);
  });

  it('When a link holds malformed filters or rules, then only well-formed ones are read', () => {
    expect(
      readValueFilters([
        { kind: 'node', name: 'Deal', key: 'x', min: {} },
        { kind: 'edge', name: 'T', key: 'k' },
      ]),
    ).toEqual([{ kind: 'edge', name: 'T', key: 'k' }]);
    expect(readRules([{ kind: 'node', key: 'status', op: 'is', value: 'disputed', color: 'red' }])).toEqual([]);
  });
});

describe('styling by value', () => {
  it('When Deals are sized by amountUsd, then the largest amount is largest and a Deal without one keeps the neutral size', () => {
    const styles = { Deal: { size: 'amountUsd' } };
    const nodes = [small, large, none];
    const ranges = sizeRanges(nodes, styles);
    const [s, l, n] = nodes.map((node) => nodeLook(node, styles, ranges).size);
    expect(l).toBeGreaterThan(s!);
    expect(n).toBe(30);
    expect(s).toBeLessThan(n!);
    // The only Deal with an amount is drawn largest, not smallest.
    const alone = sizeRanges([small, none], styles);
    expect(nodeLook(small, styles, alone).size).toBeGreaterThan(nodeLook(none, styles, alone).size);
  });

  it('When a caption is a date or an amount, then it reads as words; bookkeeping keys are internal', () => {
    expect(captionText('since', large.properties.since, large.properties)).toBe('January 2023');
    expect(captionText('since', small.properties.since, small.properties)).toBe('2019');
    expect(captionText('amountUsd', 1e10, {})).toBe('$10 billion');
    expect(['id', 'sincePrecision', 'claim', '_entente_id', 'sources'].every(isInternalKey)).toBe(true);
    expect(isInternalKey('since')).toBe(false);
  });

  it('When rules by value are given, then the first that matches colours the element, over the label colour', () => {
    const rules = [
      { kind: 'node' as const, name: 'Deal', key: 'status', op: 'is' as const, value: 'Disputed', color: '#ff00ff' },
      { kind: 'node' as const, key: 'amountUsd', op: 'above' as const, value: '2000000000', color: '#0000ff' },
      { kind: 'edge' as const, key: 'amountUsd', op: 'above' as const, value: '1e10', color: '#00aa00' },
    ];
    expect(ruleColour(large, rules)).toBe('#ff00ff');
    expect(ruleColour(small, rules)).toBeUndefined();
    expect(ruleColour(company, rules)).toBeUndefined();
    expect(ruleColour(invested, rules)).toBe('#00aa00');
    expect(nodeLook(large, { Deal: { color: '#123456' } }, {}, rules).color).toBe('#ff00ff');
    expect(nodeLook(small, { Deal: { color: '#123456' } }, {}, rules).color).toBe('#123456');
  });
});
