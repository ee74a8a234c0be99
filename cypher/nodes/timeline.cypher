// A node's dated relationships, oldest first: each whose start (the property $dating names for its type,
// else `since`) is a date, at most $limit of them, with the nodes at their other ends (for the sentences) and
// how many there are in all. The explorer's timeline reads it, so that it lists what the canvas does not draw.
{{cypher:resolveIds}}
CALL (n) {
  MATCH (n)-[r]-(m)
  WITH r, m, dateOf(relationshipStart(r)) AS start
  WHERE start IS NOT NULL
  ORDER BY start, elementId(r)
  RETURN count(r) AS total, collect(r)[..$limit] AS relationships, collect(m)[..$limit] AS neighbours
}
RETURN n, total, relationships, neighbours
