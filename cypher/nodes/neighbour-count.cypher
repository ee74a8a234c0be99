// How many of a node's relationships pass label or date filters (the same filters as neighbours.cypher).
// Without such filters the count comes from the node's degrees instead, in constant time.
MATCH (n) WHERE elementId(n) = $elementId
MATCH (n)-[r]-(m)
WHERE ($direction = 'both' OR ($direction = 'out') = (startNode(r) = n))
  AND (size($types) = 0 OR type(r) IN $types)
  AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND ($asOf IS NULL OR (coalesce(r.since <= $asOf, true) AND coalesce(r.until > $asOf, true)
                         AND coalesce(m.since <= $asOf, true) AND coalesce(m.until > $asOf, true)))
RETURN count(r) AS total
