// One page of a node's neighbours, most-connected first, with the total that match the filters.
// $direction: 'out' | 'in' | 'both'; $types, $labels: [] means any; $asOf: a date or null.
MATCH (n) WHERE elementId(n) = $elementId
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE ($direction = 'both' OR ($direction = 'out') = (startNode(r) = n))
    AND (size($types) = 0 OR type(r) IN $types)
    AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
    AND NOT m:_EntenteSavedQuery
    AND ($asOf IS NULL OR (coalesce(r.since <= $asOf, true) AND coalesce(r.until > $asOf, true)
                           AND coalesce(m.since <= $asOf, true) AND coalesce(m.until > $asOf, true)))
  RETURN count(r) AS total
}
CALL (n) {
  MATCH (n)-[r]-(m)
  WHERE ($direction = 'both' OR ($direction = 'out') = (startNode(r) = n))
    AND (size($types) = 0 OR type(r) IN $types)
    AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
    AND NOT m:_EntenteSavedQuery
    AND ($asOf IS NULL OR (coalesce(r.since <= $asOf, true) AND coalesce(r.until > $asOf, true)
                           AND coalesce(m.since <= $asOf, true) AND coalesce(m.until > $asOf, true)))
  WITH r, m
  ORDER BY COUNT { (m)--() } DESC, elementId(r)
  SKIP $skip
  LIMIT $limit
  RETURN collect(r) AS relationships, collect(m) AS neighbours
}
RETURN n AS centre, total, relationships, neighbours
