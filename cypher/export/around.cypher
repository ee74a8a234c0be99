// The elementIds of the nodes at most `depth` steps from the centre (itself included), at most $limit + 1
// of them (one more than allowed, to know the neighbourhood is too large). `DISTINCT` over the far ends lets
// Neo4j prune the expansion (each node is visited once, not once per path). The depth is a checked whole
// number written into the query: Cypher takes no parameter for it.
MATCH (c) WHERE elementId(c) = $elementId
MATCH (c)-[*0..{{int:depth}}]-(n)
WHERE NOT n:_EntenteSavedQuery
WITH DISTINCT n
LIMIT $limit
RETURN elementId(n) AS elementId
