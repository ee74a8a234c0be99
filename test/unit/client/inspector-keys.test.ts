import { describe, expect, it } from 'vitest';
import { propertyOrder, readableKey } from '../../../client/src/inspect/format.js';

describe('Inspector keys', () => {
  it('When a key is camelCase, then it reads as words, amounts with their currency', () => {
    expect(readableKey('dealType')).toBe('deal type');
    expect(readableKey('amountUsd')).toBe('amount (USD)');
    expect(readableKey('amountAtRiskUsd')).toBe('amount at risk (USD)');
    expect(readableKey('percentOfRevenue')).toBe('percent of revenue');
    expect(readableKey('endedBy')).toBe('ended by');
    expect(readableKey('status')).toBe('status');
  });

  it('When a thing began and ended, then since is listed before until, and both before the rest', () => {
    const keys = ['voting', 'until', 'role', 'since'];
    expect([...keys].sort((a, b) => propertyOrder(a) - propertyOrder(b))).toEqual(['since', 'until', 'voting', 'role']);
  });
});
