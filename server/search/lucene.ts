/**
 * Letters that NFKD does not take apart, as a search box types them: Ł, Đ, Ø, Æ, Œ, ß, Þ, Ħ and the
 * Turkish dotless ı (the dotted İ decomposes). Lower case: folding lowers case first.
 */
export const foldTable: [string, string][] = [
  ['ł', 'l'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['ø', 'o'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ß', 'ss'],
  ['þ', 'th'],
  ['ħ', 'h'],
  ['ı', 'i'],
];

/** Unicode's combining diacritical marks (U+0300–U+036F), which folding strips after NFKD. */
export const combiningMarks = Array.from({ length: 0x70 }, (_, offset) => String.fromCharCode(0x300 + offset));

/** Text that folding leaves as it is, but for case: ASCII only (a Java regex, for the scan). */
export const asciiOnly = '\\p{ASCII}*';

/**
 * Lower case without accents, so typed text compares with folded stored text. One rule for both sides:
 * the scan (cypher/search/scan.cypher) folds stored text with the same steps, `marks` and table: lower case,
 * NFKD, combining marks stripped, then the table. (Stored text decomposed, as in `Mu\u0308ller`, folds
 * the same as composed text.)
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  if (/^\p{ASCII}*$/u.test(lower)) return lower;
  let folded = lower.normalize('NFKD').replace(/[\u0300-\u036f]+/g, '');
  for (const [from, to] of foldTable) folded = folded.replaceAll(from, to);
  return folded;
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

/** The words as typed, in lower case but not folded: what an index built without folding holds. */
function typedTerms(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}

/**
 * One word: exact (boosted), as a prefix, with typos when long enough. Where the word as typed differs from
 * its folded form ("öztürk", "ozturk"), both are asked: an index with a folding analyzer folds what it holds
 * and the query alike, one without (`standard`) holds "öztürk", and prefixes and typos are never analyzed.
 */
function termClause(term: string, typed?: string): string {
  const variants = typed && typed !== term ? [term, typed] : [term];
  return `(${variants
    .flatMap((word) => {
      const fuzzy = word.length >= 8 ? `${word}~2` : word.length >= 4 ? `${word}~1` : undefined;
      return [`${word}^3`, `${word}*`, ...(fuzzy ? [fuzzy] : [])];
    })
    .join(' OR ')})`;
}

/**
 * A Lucene query that forgives what people type: prefixes ("micro"), typos ("Altmann"), stop words the
 * index may have dropped ("and", "of"), and a name split in two ("Open AI" also tries "openai"); the
 * words as a phrase rank highest. Returns undefined when the text has no word to search for.
 */
export function toLuceneQuery(text: string): string | undefined {
  const terms = searchTerms(text);
  if (!terms.length) return undefined;
  // The typed words pair with the folded ones only when folding kept them apart the same way.
  const typed = typedTerms(text);
  const typedOf = (index: number) => (typed.length === terms.length ? typed[index] : undefined);
  if (terms.length === 1) return termClause(terms[0]!, typedOf(0));
  const required = terms.filter((term) => !isStopWord(term));
  const allTerms = terms
    .map((term, index) => {
      const clause = termClause(term, typedOf(index));
      return required.length && !isStopWord(term) ? `+${clause}` : clause;
    })
    .join(' ');
  return `(${allTerms}) OR ${termClause(terms.join(''))} OR "${terms.join(' ')}"^6`;
}
