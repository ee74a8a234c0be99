// One batch of {{label}} nodes whose stored degree is missing or stale gets its degree and the database's
// relationship count (the order holds while that count is unchanged; see nodes/stored-order.cypher).
CALL () { MATCH ()-[any]->() RETURN count(any) AS relationshipsInGraph }
MATCH (n:{{label}})
WHERE NOT coalesce(n.degree = COUNT { (n)--() } AND n.degreeGraphSize = relationshipsInGraph, false)
WITH n, relationshipsInGraph LIMIT $batch
SET n.degree = COUNT { (n)--() }, n.degreeGraphSize = relationshipsInGraph
RETURN count(*) AS written
