import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config.js';

const cypherDir = path.join(projectRoot, 'cypher');

/**
 * Reads named queries from `cypher/<name>.cypher` once, when the module that needs them loads, so a
 * missing or empty file stops start-up instead of failing the first request that needs it.
 */
export function loadCypher<const Name extends string>(...names: Name[]): Record<Name, string> {
  const queries = {} as Record<Name, string>;
  for (const name of names) {
    const file = path.join(cypherDir, `${name}.cypher`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8').trim();
    } catch {
      throw new Error(`Missing Cypher file: cypher/${name}.cypher`);
    }
    if (!text) throw new Error(`Empty Cypher file: cypher/${name}.cypher`);
    queries[name] = expandFragments(text);
  }
  return queries;
}

/** The body of a fragment file: its lines without `//` comments, on one line. */
function readFragment(name: string): string {
  return readFileSync(path.join(cypherDir, 'fragments', `${name}.cypher`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('//'))
    .map((line) => line.trim())
    .join(' ');
}

/**
 * Expressions that several queries share, written once under cypher/fragments/ and called in a query like
 * functions of one argument, any expression (`dateOf(r.since)`, `dateOf(relationshipStart(r))`). Neo4j
 * knows no such functions, so a fragment left unexpanded fails at planning, never silently.
 */
const fragments: [name: string, parameter: string, file: string][] = [
  ['validAsOf', 'item', 'valid-as-of'],
  ['nodeValidAsOf', 'item', 'node-valid-as-of'],
  ['relationshipStart', 'item', 'relationship-start'],
  ['relationshipEnd', 'item', 'relationship-end'],
  ['nodeStart', 'item', 'node-start'],
  ['nodeEnd', 'item', 'node-end'],
  ['dateOf', 'ARGUMENT', 'date-of'],
];

/** The text between the parenthesis at `open` and the one that closes it. */
function argumentAt(text: string, open: number): { argument: string; close: number } {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth += 1;
    else if (text[index] === ')' && --depth === 0) return { argument: text.slice(open + 1, index), close: index };
  }
  throw new Error(`Unbalanced parentheses after position ${open} in a Cypher query`);
}

export function expandFragments(query: string): string {
  let expanded = query;
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    for (const [name, parameter, file] of fragments) {
      const call = new RegExp(`\\b${name}\\(`);
      for (let match = call.exec(expanded); match; match = call.exec(expanded)) {
        const open = match.index + name.length;
        const { argument, close } = argumentAt(expanded, open);
        const body = readFragment(file).replace(new RegExp(`\\b${parameter}\\b`, 'g'), () => `(${argument})`);
        expanded = `${expanded.slice(0, match.index)}(${body})${expanded.slice(close + 1)}`;
        changed = true;
      }
    }
    if (!changed) return expanded;
  }
  throw new Error('Cypher fragments nest too deeply');
}

/** Splits a file of several statements (schema scripts) on the semicolons that end lines. */
export function splitStatements(script: string): string[] {
  return script
    .split(/;\s*(?:\r?\n|$)/)
    .map((statement) =>
      statement
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n')
        .trim(),
    )
    .filter(Boolean);
}
