// The page in stored degree order: walk the {{label}}(degree) index from the top, keep the relationships
// between n and each node walked, and stop at skip + limit of them. Every neighbour of a higher degree
// than the last one kept has been met; that degree's other nodes are read too, so that ties are ordered as
// the counted page orders them (degree, then relationship elementId). `current` is false when a node's
// stored degree is no longer its degree (a write that kept the relationship count): the caller counts then.
// The walk's bound is null when the order is not used, so the index is not read at all (Neo4j places a
// filter on `stored` after the index scan, which then reads every entry for nothing).
  WITH n, stored WHERE stored
  MATCH (m:{{label}}) WHERE m.degree >= CASE WHEN stored THEN 0 END
  WITH n, m
  ORDER BY m.degree DESC
  CALL (n, m) { /*adjacent*/ }
  WITH n, r, m
  LIMIT $skip + $limit
  WITH n, collect({r: r, m: m}) AS first, min(m.degree) AS lowest
  CALL (n, lowest) {
    MATCH (m:{{label}} {degree: lowest})
    CALL (n, m) { /*adjacent*/ }
    RETURN collect({r: r, m: m}) AS tied
  }
  UNWIND [row IN first WHERE row.m.degree > lowest] + tied AS row
  WITH n, row.r AS r, row.m AS m
  WITH n, r, m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, elementId(r)
  WITH n, collect(r) AS relationships, collect(m) AS neighbours, collect(m.degree = degree) AS checks
  RETURN
    relationships[$skip..$skip + $limit] AS relationships,
    neighbours[$skip..$skip + $limit] AS neighbours,
    all(check IN checks WHERE check) AS current
  UNION ALL
