import { describe, expect, it } from 'vitest';
import type { ApiEdge, ApiNode } from '../../../client/src/api/api.js';
import { formatCell, readableKey, readableProblem } from '../../../client/src/queries/readable.js';

const deal: ApiNode = {
  id: 'gpt3-licence',
  labels: ['Deal'],
  caption: 'Exclusive GPT-3 licence (2020)',
  properties: { since: '2016-01-01', sincePrecision: 'year', amountUsd: 1e9 },
};
const party: ApiEdge = {
  id: 'p',
  type: 'PARTY_TO',
  source: 'microsoft',
  target: 'gpt3-licence',
  properties: { since: '2019-07-01', sincePrecision: 'month' },
};

describe('Saved query tables and messages read as people read them', () => {
  it('When a date column is known only to the year or month, then it reads at that precision', () => {
    expect(formatCell('since', '2016-01-01', { row: { deal, since: '2016-01-01' } })).toBe('2016');
    expect(formatCell('since', '2019-07-01', { row: { party, since: '2019-07-01' } })).toBe('July 2019');
    expect(formatCell('date', '2023-11-01', { row: { date: '2023-11-01', precision: 'month' } })).toBe('November 2023');
    expect(formatCell('since', '2024-07-01')).toBe('1 July 2024');
  });

  it('When sources are cited by id, then they read as the documents’ captions', () => {
    const captions = { '004_7ad8b1a156c96548': 'OpenAI et Microsoft' };
    expect(formatCell('sources', ['004_7ad8b1a156c96548', 'unknown-id'], { captions })).toBe(
      'OpenAI et Microsoft, unknown-id',
    );
  });

  it('When figures come as {figure, value}, then each reads as its name and amount', () => {
    const figures = [
      { figure: 'percentMax', value: 49 },
      { figure: 'amountUsd', value: 13e9 },
    ];
    expect(formatCell('figures', figures)).toBe('percent max: 49 %, amount (USD): $13 billion');
    expect(readableKey('dealType')).toBe('deal type');
  });

  it('When the API refuses a parameter, then the message names the field in words, without its location', () => {
    expect(
      readableProblem('body.params.company: Invalid input: expected string, received undefined', {
        company: 'The company',
      }),
    ).toBe('The company: a value is needed.');
    expect(readableProblem('query.to: must be after query.from', { from: 'the first day', to: 'the last day' })).toBe(
      'The last day: must be after the first day.',
    );
    expect(readableProblem('No node has the id "x".')).toBe('No node has the id "x".');
  });
});
