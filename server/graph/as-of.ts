import neo4j from 'neo4j-driver';

/** The `asOf` query parameter (YYYY-MM-DD, already validated) as a Cypher date, or null for "any time". */
export function asOfDate(asOf: string | undefined): neo4j.Date<number> | null {
  if (!asOf) return null;
  const [year, month, day] = asOf.split('-').map(Number);
  return new neo4j.types.Date(year!, month!, day!);
}
