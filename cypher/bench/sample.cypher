// Ids for the benchmark's requests: an ordinary node (a few dozen relationships), the biggest supernode,
// and the far end of a 3-hop walk from the ordinary node (a pair that paths can join).
MATCH (ordinary:BenchNode)
WITH ordinary, COUNT { (ordinary)--() } AS degree
WHERE degree >= 10 AND degree <= 60
WITH ordinary LIMIT 1
MATCH (hub:BenchNode {id: 'b-0'})
OPTIONAL MATCH (ordinary)-[*3]-(far:BenchNode)
WHERE far <> ordinary
WITH ordinary, hub, far LIMIT 1
RETURN ordinary.id AS ordinary, hub.id AS hub, far.id AS far
