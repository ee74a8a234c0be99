// validAsOf(item): whether a node or relationship holds on $asOf (true when $asOf is null): it has begun
// (since <= $asOf) and not ended ($asOf < until); a missing or undated bound is open. Expanded inline by
// server/neo4j/cypher.ts wherever a query writes validAsOf(<variable>).
($asOf IS NULL OR (coalesce(dateOf(item.since) <= $asOf, true) AND coalesce(dateOf(item.until) > $asOf, true)))
