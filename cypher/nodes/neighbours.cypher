// One page of a node's neighbours, most-connected first, keeping far ends with one of $labels (when given)
// and what is valid on $asOf (when given), with how many relationships pass those filters in all. Each
// expansion slot after MATCH takes the relationship pattern with its direction and types written out (see
// nodes.queries.ts): Neo4j then reads only those relationship groups of the node.
// (Users' saved queries have no relationships, so they never appear here.)
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
  WITH r, m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, elementId(r)
  SKIP $skip
  LIMIT $limit
  RETURN collect(r) AS relationships, collect(m) AS neighbours
}
// The last neighbour's degree, counted now as the next page's query counts it: where a cursor continues.
WITH n, total, relationships, neighbours, last(neighbours) AS lastNeighbour
RETURN n, total, relationships, neighbours,
       CASE WHEN lastNeighbour IS NULL THEN 0 ELSE COUNT { (lastNeighbour)--() } END AS lastDegree
