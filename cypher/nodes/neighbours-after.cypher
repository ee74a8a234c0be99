// One page of a node's neighbours after a keyset position (a cursor), with the filters of neighbours.cypher
// and how many relationships pass them in all. Two orders, $byDegree saying which:
// - most-connected first: by the far end's degree, then the relationship's elementId; the page starts after
//   [$afterDegree, $afterId];
// - by the relationship's elementId alone ($byDegree false), which no write to the graph changes: a walk
//   meets every relationship there throughout it exactly once. The degree is then not counted (0).
// $afterId is '' for the first page (before every elementId). One row more than $limit is read, so that the
// caller knows whether more follow. $skip is 0 after a position. Expansion slots as in neighbours.cypher.
{{cypher:resolveIds}}
CALL (n) {
  MATCH {{cypher:expansion}}
  WHERE (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
    AND validAsOf(r) AND nodeValidAsOf(m)
  RETURN count(r) AS total
}
CALL (n) {
  MATCH {{cypher:expansion}}
  WHERE (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
    AND validAsOf(r) AND nodeValidAsOf(m)
    AND ($byDegree OR elementId(r) > $afterId)
  WITH r, m, CASE WHEN $byDegree THEN COUNT { (m)--() } ELSE 0 END AS degree
  WHERE $afterId = '' OR NOT $byDegree
    OR degree < $afterDegree OR (degree = $afterDegree AND elementId(r) > $afterId)
  ORDER BY degree DESC, elementId(r)
  SKIP $skip
  LIMIT $limit + 1
  RETURN collect(r) AS relationships, collect(m) AS neighbours, collect(degree) AS degrees
}
RETURN n, total, relationships, neighbours, degrees
