// One batch of the label's nodes whose stored degree is missing or stale gets its degree and the stamp the
// order holds under: the database's relationship count and the label's node count (nodes/stored-order.cypher).
CALL () { MATCH ()-[any]->() RETURN count(any) AS relationshipsInGraph }
CALL () { MATCH (ordered:{{name:label}}) RETURN count(ordered) AS inOrder }
MATCH (n:{{name:label}})
WHERE NOT coalesce(
  n._entente_degree = COUNT { (n)--() } AND n._entente_degreeStamp = [relationshipsInGraph, inOrder],
  false
)
WITH n, [relationshipsInGraph, inOrder] AS stamp
LIMIT $batch
SET n._entente_degree = COUNT { (n)--() }, n._entente_degreeStamp = stamp
RETURN count(*) AS written
