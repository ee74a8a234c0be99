import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../server/editing/duplicates.js';
import { decodeValue, encodeValue } from '../../../server/editing/values.js';

describe('the name key of duplicate suggestions', () => {
  it('When names differ only by accents, case, punctuation, legal suffixes and word order, then their keys are equal', () => {
    expect(nameKey('Zéphyr Widgets, Inc.')).toBe(nameKey('WIDGETS ZEPHYR'));
    expect(nameKey('Acme S.A.')).toBe(nameKey('acme'));
    expect(nameKey('Acme GmbH')).toBe(nameKey('Acme LLC'));
    expect(nameKey('OpenAI Global, L.L.C.')).toBe(nameKey('Global OpenAI'));
  });

  it('When names differ by a real word, or are only a suffix, then the keys tell them apart', () => {
    expect(nameKey('Acme Widgets')).not.toBe(nameKey('Acme Gadgets'));
    expect(nameKey('Inc.')).toBe('inc');
  });
});

describe('property values as edits carry them', () => {
  it('When driver values are encoded, then what JSON cannot say exactly is tagged', () => {
    expect(encodeValue(neo4j.int('9007199254740993'))).toEqual({ type: 'integer', value: '9007199254740993' });
    expect(encodeValue(neo4j.int(42))).toBe(42);
    expect(encodeValue(2)).toEqual({ type: 'float', value: '2' });
    expect(encodeValue(0.5)).toBe(0.5);
    expect(encodeValue(new neo4j.types.Date(2024, 5, 1))).toEqual({ type: 'date', value: '2024-05-01' });
    expect(encodeValue(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('When values are decoded, then each becomes the Cypher expression of its type', () => {
    const day = decodeValue({ type: 'date', value: '2024-05-01' }, 'k', 0);
    expect(String(day.expression)).toBe('`date`($values[0])');
    expect(day.parameter).toBe('2024-05-01');
    const big = decodeValue({ type: 'integer', value: '9223372036854775807' }, 'k', 1);
    expect(String(big.expression)).toBe('$values[1]');
    expect(String(big.parameter)).toBe('9223372036854775807');
    expect(String(decodeValue([{ type: 'date', value: '2020-01-01' }], 'k', 2).expression)).toBe(
      '[item IN $values[2] | `date`(item)]',
    );
    expect(() => decodeValue(['a', 1], 'mixed', 0)).toThrow(/one kind/);
    expect(() => decodeValue({ type: 'integer', value: '9223372036854775808' }, 'k', 0)).toThrow(/64 bits/);
  });
});
