import neo4j from 'neo4j-driver';

/**
 * The one conversion of a day (`YYYY-MM-DD`, already validated) into a Cypher date, for every query
 * parameter and stored property. Dates coming back from Neo4j become JSON in one place too (mapping.ts).
 */
export function cypherDate(day: string): neo4j.Date<number> {
  const [year, month, date] = day.split('-').map(Number);
  return new neo4j.types.Date(year!, month!, date!);
}

/** The `asOf` query parameter (YYYY-MM-DD, already validated) as a Cypher date, or null for "any time". */
export function asOfDate(asOf: string | undefined): neo4j.Date<number> | null {
  return asOf ? cypherDate(asOf) : null;
}
