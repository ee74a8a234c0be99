// Every relationship whose two ends are among the given nodes, valid as of $asOf when given. Matching both
// ends first lets Neo4j check each pair from its less-connected side (Expand Into), so a supernode in the
// set is not expanded in full.
MATCH (a) WHERE elementId(a) IN $elementIds
MATCH (b) WHERE elementId(b) IN $elementIds
MATCH (a)-[r]->(b)
WHERE $asOf IS NULL OR (coalesce(r.since <= $asOf, true) AND coalesce(r.until > $asOf, true))
RETURN r
LIMIT $limit
