// Every relationship whose two ends are among the given nodes, valid as of $asOf when given.
MATCH (a) WHERE elementId(a) IN $elementIds
MATCH (a)-[r]->(b)
WHERE elementId(b) IN $elementIds
  AND ($asOf IS NULL OR (coalesce(r.since <= $asOf, true) AND coalesce(r.until > $asOf, true)))
RETURN r
LIMIT $limit
