// Records that state the same fact with different figures: relationships and nodes that share a
// `disputes` key (the default dataset's conflict groups; any graph may use the same property). At most
// $groups groups (the caller asks for one more to know whether it cut), each with at most $versions records,
// in the store's element order, so that one graph always gives the same versions.
CALL () {
  MATCH (a)-[r]->(b) WHERE r.disputes IS NOT NULL
  RETURN r.disputes AS dispute, r AS record, a, b
  UNION ALL
  MATCH (n) WHERE n.disputes IS NOT NULL AND NOT n:_EntenteSavedQuery
  RETURN n.disputes AS dispute, n AS record, null AS a, null AS b
}
WITH dispute, record, a, b ORDER BY elementId(record)
WITH toString(dispute) AS dispute, collect({record: record, a: a, b: b}) AS versions
ORDER BY dispute
LIMIT $groups
RETURN dispute, versions[..$versions] AS versions, size(versions) AS versionCount
