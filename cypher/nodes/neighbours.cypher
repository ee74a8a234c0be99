// One page of a node's neighbours, most-connected first, keeping far ends with one of $labels (when given)
// and what is valid on $asOf (when given). The expansion slot after MATCH takes the relationship pattern with its direction and
// types written out (see nodes.queries.ts): Neo4j then reads only those relationship groups of the node.
// (Users' saved queries have no relationships, so they never appear here.)
MATCH (n) WHERE elementId(n) = $elementId
MATCH /*expansion*/
WHERE (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND validAsOf(r) AND nodeValidAsOf(m)
WITH n, r, m, COUNT { (m)--() } AS degree
ORDER BY degree DESC, elementId(r)
SKIP $skip
LIMIT $limit
RETURN collect(r) AS relationships, collect(m) AS neighbours
