// neighbours.cypher without label or date filters: the same page, with no per-relationship predicate to
// evaluate (on a supernode that is most of the cost).
MATCH (n) WHERE elementId(n) = $elementId
MATCH /*expansion*/
WITH n, r, m, COUNT { (m)--() } AS degree
ORDER BY degree DESC, elementId(r)
SKIP $skip
LIMIT $limit
RETURN collect(r) AS relationships, collect(m) AS neighbours
