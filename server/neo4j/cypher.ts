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
    queries[name] = text;
  }
  return queries;
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
