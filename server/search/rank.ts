import type { Node as Neo4jNode } from 'neo4j-driver';
import { captionKeys } from '../graph/mapping.js';
import { fold, isStopWord, searchTerms } from './lucene.js';

/** Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`, up to `most` + 1. */
export function editDistance(a: string, b: string, most: number): number {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row.push(best);
    }
    before = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** Whether a typed word stands for a word of a name: the same, its start, or a typo as the index forgives. */
function stands(term: string, word: string): boolean {
  if (word === term || word.startsWith(term)) return true;
  const most = term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
  return most > 0 && editDistance(term, word, most) <= most;
}

/** The names a node is found by: its caption's property and its aliases. */
function namesOf(node: Neo4jNode): string[] {
  const properties = node.properties as Record<string, unknown>;
  const caption = captionKeys.map((key) => properties[key]).find((value) => typeof value === 'string');
  const aliases = Array.isArray(properties.aliases) ? properties.aliases.filter((a) => typeof a === 'string') : [];
  return [caption, ...aliases].filter((name): name is string => typeof name === 'string');
}

/**
 * How closely a node's best name is what was typed, smaller first: 0 when it is the text itself; else 1
 * plus the number of its words (stop words aside) that no typed word stands for. "Sam" is then nearer the
 * person "Sam Altman" (one word over) than the event "Sam Altman fired and reinstated" (three), and "gogle"
 * nearer "Google" than "Google Cloud", whatever Lucene's scores say (it weighs how often a word occurs in
 * names and aliases, not how much of a name was typed).
 */
export function distanceFromTyped(node: Neo4jNode, text: string): number {
  const terms = searchTerms(text);
  const phrase = terms.join(' ');
  let nearest = Number.POSITIVE_INFINITY;
  for (const name of namesOf(node)) {
    const words = searchTerms(fold(name)).filter((word) => !isStopWord(word));
    if (searchTerms(name).join(' ') === phrase) return 0;
    const over = words.filter((word) => !terms.some((term) => stands(term, word))).length;
    nearest = Math.min(nearest, 1 + over);
  }
  return nearest;
}

/** Hits nearest what was typed first (distanceFromTyped); the search's own order breaks ties. */
export function rankHits<T extends { node: Neo4jNode }>(hits: T[], text: string): T[] {
  return hits
    .map((hit, index) => ({ hit, index, distance: distanceFromTyped(hit.node, text) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .map(({ hit }) => hit);
}
