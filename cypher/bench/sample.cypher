// Ids for the benchmark's requests: an ordinary node (a few dozen relationships), the biggest supernode,
// and the end of a 3-step walk from the ordinary node (a pair that paths can join). Each step is bounded,
// so a walk through a supernode does not fan out.
MATCH (ordinary:BenchNode)
WHERE 10 <= COUNT { (ordinary)--() } <= 60
WITH ordinary LIMIT 1
MATCH (hub:BenchNode {id: 'b-0'})
CALL (ordinary) {
  MATCH (ordinary)--(first:BenchNode)
  WITH first LIMIT 3
  MATCH (first)--(second:BenchNode) WHERE second <> ordinary
  WITH second LIMIT 3
  MATCH (second)--(far:BenchNode) WHERE far <> ordinary AND NOT (far)--(ordinary)
  RETURN far LIMIT 1
}
RETURN ordinary.id AS ordinary, hub.id AS hub, far.id AS far
