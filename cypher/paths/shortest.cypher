// All shortest paths between two nodes, valid as of $asOf when given. The search is bounded at 8 hops
// (a pattern's bound cannot be a parameter); paths longer than $maxHops are dropped after it, outside
// the shortest-path search, so that no exhaustive fallback search is planned.
MATCH (a) WHERE elementId(a) = $fromElementId
MATCH (b) WHERE elementId(b) = $toElementId
MATCH p = allShortestPaths((a)-[*..8]-(b))
WHERE all(r IN relationships(p) WHERE validAsOf(r))
  AND all(x IN nodes(p) WHERE NOT x:_EntenteSavedQuery AND validAsOf(x))
WITH p WHERE length(p) <= $maxHops
RETURN p
LIMIT $limit
