import { describe, expect, it } from 'vitest';
import { jsonBytes, jsonChunks } from '../../../server/http/json.js';

const samples: [string, unknown][] = [
  ['plain ASCII', { a: 'hello', b: [1, 2.5, -3e-7, true, false, null] }],
  ['quotes and backslashes', ['"quoted"', 'back\\slash', '\\"']],
  ['control characters', ['\u0000\u0001\u001f', '\b\t\n\f\r', 'a\u0007b']],
  ['two- and three-byte characters', ['é', 'ü€', '中文', '\u07ff\u0800']],
  ['surrogate pairs and lone surrogates', ['😀', 'a\ud800b', '\udc00', '\ud83d']],
  ['undefined members and elements', { a: undefined, b: [undefined, 1], c: { d: undefined } }],
  ['numbers JSON cannot hold', [NaN, Infinity, -0, 1e21]],
  ['empty containers', { a: [], b: {}, c: '' }],
  ['keys that need escaping', { 'a"b': 1, 'é\n': 2 }],
  ['a deep list', Array.from({ length: 50 }).reduce((inner) => [inner], 1)],
];

describe('JSON sizes and pieces', () => {
  it.each(samples)('When %s are measured, then the count is the bytes JSON.stringify writes', (_what, value) => {
    expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
  });

  it.each(samples)('When %s are written in pieces, then the pieces make JSON.stringify’s text', (_what, value) => {
    expect([...jsonChunks(value, 3)].join('')).toBe(JSON.stringify(value));
    expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value));
  });

  it('When control characters escape sixfold, then the count says so without building the text', () => {
    const text = '\u0001'.repeat(100_000);
    expect(jsonBytes([text, text])).toBe(2 * (6 * 100_000 + 2) + 3);
  });

  it('When a budget is given, then the count stops soon after passing it', () => {
    const rows = Array.from({ length: 10_000 }, () => 'x'.repeat(1000));
    const counted = jsonBytes(rows, 5_000);
    expect(counted).toBeGreaterThan(5_000);
    expect(counted).toBeLessThan(20_000);
  });

  it('When a list is nested 100,000 deep, then it is measured and written without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonBytes(deep)).toBe(200_001);
    expect([...jsonChunks(deep)].join('').length).toBe(200_001);
  });

  it('When a value has toJSON (a Date), then the pieces use it as JSON.stringify does', () => {
    const value = { at: new Date(0) };
    expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value));
  });
});
