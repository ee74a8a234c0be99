// The next ring of a neighbourhood (POST /api/analytics with `around`): the nodes one relationship away from
// $frontier (elementIds) that are not in $seen, through relationships whose type is not in $excluded, the
// relationship and the node both valid as of $asOf (when given); the most connected first, at most $limit.
MATCH (a)-[r]-(b)
WHERE elementId(a) IN $frontier AND NOT elementId(b) IN $seen AND NOT type(r) IN $excluded
  AND validAsOf(r) AND nodeValidAsOf(b)
WITH DISTINCT b
WITH b, COUNT { (b)--() } AS degree
ORDER BY degree DESC, elementId(b)
LIMIT $limit
RETURN b
