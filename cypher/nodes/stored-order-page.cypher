// The page in stored degree order: walk the label's _entente_degree index from the top, keep the
// relationships between n and each node walked, and stop at skip + limit of them. Every neighbour of a
// higher degree than the last one kept has been met; that degree's other nodes are read too (at most
// $tiedAtMost of them), so that ties are ordered as the counted page orders them (degree, then relationship
// elementId). At most $walkAtMost nodes are walked: the cost check assumes n's neighbours are spread down
// the order, and a hub of leaves would otherwise walk every busier node first. `orderHeld` is false when the
// walk cannot vouch for the page: a node met whose stored degree is no longer its degree, a walk that ended
// before finding skip + limit relationships or all of n's, or too many ties.
// The caller counts the page then. The walk's bound is null when the order is not used, so the index is
// not read at all (Neo4j places a filter on `stored` after the index scan, which then reads every entry).
  WITH n, stored, expansion WHERE stored
  CALL (n, stored) {
    MATCH (m:{{name:label}}) WHERE m._entente_degree >= CASE WHEN stored THEN 0 END
    WITH n, m
    ORDER BY m._entente_degree DESC
    LIMIT $walkAtMost
    CALL (n, m) { {{cypher:adjacent}} }
    WITH r, m
    LIMIT $skip + $limit
    RETURN collect({r: r, m: m}) AS first, min(m._entente_degree) AS lowest
  }
  CALL (n, lowest) {
    MATCH (m:{{name:label}} {_entente_degree: lowest})
    WITH n, m
    LIMIT $tiedAtMost + 1
    OPTIONAL CALL (n, m) { {{cypher:adjacent}} }
    RETURN collect(CASE WHEN r IS NOT NULL THEN {r: r, m: m} END) AS tied, count(DISTINCT m) AS tiedNodes
  }
  CALL (first, lowest, tied) {
    UNWIND [row IN first WHERE row.m._entente_degree > lowest] + tied AS row
    WITH row.r AS r, row.m AS m
    WITH r, m, COUNT { (m)--() } AS degree
    ORDER BY degree DESC, elementId(r)
    RETURN collect(r) AS relationships, collect(m) AS neighbours, collect(m._entente_degree = degree) AS checks
  }
  RETURN
    relationships[$skip..$skip + $limit] AS relationships,
    neighbours[$skip..$skip + $limit] AS neighbours,
    all(check IN checks WHERE check)
      AND (size(first) = $skip + $limit OR size(first) = expansion)
      AND tiedNodes <= $tiedAtMost AS orderHeld
