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

function termClause(term: string): string {
  const fuzzy = term.length >= 8 ? `${term}~2` : term.length >= 4 ? `${term}~1` : undefined;
  return `(${[`${term}^3`, `${term}*`, ...(fuzzy ? [fuzzy] : [])].join(' OR ')})`;
}

/**
 * A Lucene query that forgives what people type: prefixes ("micro"), typos ("Altmann"), and a name split
 * in two ("Open AI" also tries "openai"). Returns undefined when the text has no word to search for.
 */
export function toLuceneQuery(text: string): string | undefined {
  const terms = searchTerms(text);
  if (!terms.length) return undefined;
  const allTerms = terms.map(termClause).join(' AND ');
  if (terms.length === 1) return allTerms;
  return `(${allTerms}) OR ${termClause(terms.join(''))}`;
}
