import { describe, expect, it } from 'vitest';
import { fold, searchTerms, toLuceneQuery } from '../../../server/search/lucene.js';

describe('toLuceneQuery', () => {
  it('When a word is typed, then it matches exactly (boosted), as a prefix, and with a typo when long enough', () => {
    expect(toLuceneQuery('Micro')).toBe('(micro^3 OR micro* OR micro~1)');
    expect(toLuceneQuery('ai')).toBe('(ai^3 OR ai*)');
    expect(toLuceneQuery('Microsoftt')).toBe('(microsoftt^3 OR microsoftt* OR microsoftt~2)');
  });

  it('When two words are typed, then both must match, or their concatenation ("Open AI" finds OpenAI)', () => {
    expect(toLuceneQuery('Open AI')).toBe(
      '(+(open^3 OR open* OR open~1) +(ai^3 OR ai*)) OR (openai^3 OR openai* OR openai~1) OR "open ai"^6',
    );
  });

  it('When a name has stop words, then they are never required, only the other words are', () => {
    const query = toLuceneQuery('Competition and Markets Authority')!;
    expect(query).toContain('+(competition^3');
    expect(query).toContain(' (and^3 OR and*)');
    expect(query).not.toContain('+(and');
    expect(query).toContain('"competition and markets authority"^6');
  });

  it('When only stop words are typed, then each is optional rather than nothing being searched', () => {
    expect(toLuceneQuery('Of The')).toContain('((of^3 OR of*) (the^3 OR the*))');
  });

  it('When accents and case vary, then terms are folded to plain lower case', () => {
    expect(searchTerms('ALTMÁN Société')).toEqual(['altman', 'societe']);
  });

  // Each input with the words that may reach the query: none (nothing is searched) or its letters and digits.
  it.each([
    ['AND(', ['and']],
    ['*', []],
    ['"', []],
    ['\\', []],
    ['((', []],
    ['a:b', ['a', 'b', 'ab']],
    ['[1 TO 5]', ['1', 'to', '5', '1to5']],
    ['~', []],
    ['&& ||', []],
  ])('When %j is typed, then no Lucene syntax reaches the query, only the words %j', (text, words) => {
    const query = toLuceneQuery(text);
    if (words.length === 0) {
      expect(query).toBeUndefined();
      return;
    }
    expect(query).toBeDefined();
    // What is left once our own syntax (boosts, prefix, fuzziness, OR, required, phrase, groups) is removed.
    const withoutOurSyntax = query!.replace(/\^[36]|\*|~[12]| OR |\+|"|[()]/g, ' ');
    expect(withoutOurSyntax).toMatch(/^[\p{L}\p{N} ]*$/u);
    expect(new Set(withoutOurSyntax.split(' ').filter(Boolean))).toEqual(new Set(words));
  });

  it('When letters that do not decompose are typed, then the table folds them, and the dotted İ too', () => {
    expect(['Łódź', 'Bahnhofstraße', 'Øre', 'Æther', 'Đorđe', 'Işık', 'İstanbul', 'Mu\u0308ller'].map(fold)).toEqual([
      'lodz',
      'bahnhofstrasse',
      'ore',
      'aether',
      'dorde',
      'isik',
      'istanbul',
      'muller',
    ]);
  });

  it('When a word differs from its folded form, then the index is asked for both (a standard analyzer keeps accents)', () => {
    expect(toLuceneQuery('Öztürk')).toBe('(ozturk^3 OR ozturk* OR ozturk~1 OR öztürk^3 OR öztürk* OR öztürk~1)');
  });

  it('When only punctuation is typed, then there is nothing to search', () => {
    expect(toLuceneQuery('*?!')).toBeUndefined();
  });
});
