// How many relationships of the expansion pattern pass the label or date filters of neighbours.cypher.
// Without such filters the count comes from the node's degrees instead, in constant time.
MATCH (n) WHERE elementId(n) = $elementId
MATCH /*expansion*/
WHERE (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND validAsOf(r) AND nodeValidAsOf(m)
RETURN count(DISTINCT r) AS total
