import { z } from 'zod';
import { ProblemError } from '../http/problem.js';
import type { Catalog } from './catalog.js';
import { datingEntry, type DatingEntry } from './graph.schemas.js';

/** The same list written as JSON in a query string. */
export const datingQuery = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({
        code: 'custom',
        message: 'must be a JSON list such as [{"name":"Movie","start":"released"}]',
      });
      return z.NEVER;
    }
  })
  .pipe(z.array(datingEntry).max(100))
  .openapi({
    type: 'string',
    description: 'JSON list of {name, start, end?}: the properties that date a label or relationship type',
  });

/** The `$dating` parameter of the queries: {name: {start, end}}, every name and key checked against the database. */
export async function checkDating(
  catalog: Catalog,
  entries: DatingEntry[] | undefined,
  parameter: string,
): Promise<Record<string, { start: string; end: string | null }>> {
  if (!entries?.length) return {};
  const { labels, relationshipTypes, propertyKeys } = await catalog.current();
  const names = new Set([...labels, ...relationshipTypes].map((entry) => entry.name));
  const keys = new Set(propertyKeys);
  // Built from entries, never by assignment: a label named `__proto__` would set the object's prototype.
  const dating: [string, { start: string; end: string | null }][] = [];
  for (const [index, entry] of entries.entries()) {
    const where = `${parameter}.${index}`;
    if (!names.has(entry.name)) throw datingProblem(where, `${entry.name} is not a label or type of this database`);
    for (const key of [entry.start, entry.end].filter((key): key is string => key !== undefined)) {
      if (!keys.has(key)) throw datingProblem(where, `${key} is not a property key of this database`);
    }
    dating.push([entry.name, { start: entry.start, end: entry.end ?? null }]);
  }
  return Object.fromEntries(dating);
}

function datingProblem(where: string, message: string) {
  return ProblemError.badRequest(`${where}: ${message}`, [{ location: where, message }]);
}
