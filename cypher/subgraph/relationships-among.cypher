// Every relationship whose two ends are among the given nodes, valid as of $asOf when given. Matching both
// ends first lets Neo4j check each pair from its less-connected side (Expand Into), so a supernode in the
// set is not expanded in full.
MATCH (a) WHERE elementId(a) IN $elementIds
MATCH (b) WHERE elementId(b) IN $elementIds
MATCH (a)-[r]->(b)
WHERE validAsOf(r)
RETURN r
LIMIT $limit
