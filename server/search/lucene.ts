/** Lower case without accents, so typed text compares with the index's folded terms. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a search text: letters and digits only, so no Lucene syntax survives. */
export function searchTerms(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * Words that analyzers commonly leave out of an index (Lucene's English stop words, and the commonest
 * French and German ones). Such a word is never required: "Competition and Markets Authority" must find
 * a name whose "and" was never indexed.
 */
const stopWords = new Set(
  (
    'a an and are as at be but by for if in into is it no not of on or such that the their then there these ' +
    'they this to was will with de des du la le les et en au aux un une der die das und'
  ).split(' '),
);

export function isStopWord(term: string): boolean {
  return stopWords.has(term);
}

function termClause(term: string): string {
  const fuzzy = term.length >= 8 ? `${term}~2` : term.length >= 4 ? `${term}~1` : undefined;
  return `(${[`${term}^3`, `${term}*`, ...(fuzzy ? [fuzzy] : [])].join(' OR ')})`;
}

/**
 * A Lucene query that forgives what people type: prefixes ("micro"), typos ("Altmann"), stop words the
 * index may have dropped ("and", "of"), and a name split in two ("Open AI" also tries "openai"); the
 * words as a phrase rank highest. Returns undefined when the text has no word to search for.
 */
export function toLuceneQuery(text: string): string | undefined {
  const terms = searchTerms(text);
  if (!terms.length) return undefined;
  if (terms.length === 1) return termClause(terms[0]!);
  const required = terms.filter((term) => !isStopWord(term));
  const allTerms = terms
    .map((term) => (required.length && !isStopWord(term) ? `+${termClause(term)}` : termClause(term)))
    .join(' ');
  return `(${allTerms}) OR ${termClause(terms.join(''))} OR "${terms.join(' ')}"^6`;
}
