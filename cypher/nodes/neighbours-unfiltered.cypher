// neighbours.cypher without label or date filters: the same page, with no per-relationship predicate to
// evaluate (on a supernode that is most of the cost), and the total read from the node's degrees
// (constant time: no predicate in the COUNT).
// @resolve-ids
CALL (n) {
  MATCH /*expansion*/
  WITH r, m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, elementId(r)
  SKIP $skip
  LIMIT $limit
  RETURN collect(r) AS relationships, collect(m) AS neighbours
}
RETURN n, COUNT { MATCH /*expansion*/ } AS total, relationships, neighbours
