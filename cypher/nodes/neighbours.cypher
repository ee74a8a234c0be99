// One page of a node's neighbours, most-connected first.
// $direction: 'out' | 'in' | 'both'; $types, $labels: [] means any; $asOf: a date or null.
// (Users' saved queries have no relationships, so they never appear here.)
MATCH (n) WHERE elementId(n) = $elementId
MATCH (n)-[r]-(m)
WHERE ($direction = 'both' OR ($direction = 'out') = (startNode(r) = n))
  AND (size($types) = 0 OR type(r) IN $types)
  AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND ($asOf IS NULL OR (coalesce(r.since <= $asOf, true) AND coalesce(r.until > $asOf, true)
                         AND coalesce(m.since <= $asOf, true) AND coalesce(m.until > $asOf, true)))
WITH n, r, m, COUNT { (m)--() } AS degree
ORDER BY degree DESC, elementId(r)
SKIP $skip
LIMIT $limit
RETURN n AS centre, collect(r) AS relationships, collect(m) AS neighbours
