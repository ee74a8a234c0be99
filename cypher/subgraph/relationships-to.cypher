// Every relationship between one of the given nodes and one of $otherElementIds (the given nodes
// included), valid as of $asOf when given: each given node's relationships are read once and their far
// ends looked up in the set, so the cost follows the given nodes' degrees, not the size of the set.
MATCH (a)-[r]-(b)
WHERE elementId(a) IN $elementIds AND elementId(b) IN $otherElementIds AND validAsOf(r)
RETURN DISTINCT r
LIMIT $limit
