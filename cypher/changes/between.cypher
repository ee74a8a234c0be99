// Relationships and dated nodes that began or ended between two days ($from exclusive, $to inclusive),
// read with the same dateOf rule as as-of, leaving out provenance relationships. Earliest first; on one day,
// in the store's element order, so that one graph always gives the same page.
CALL () {
  MATCH (a)-[r]->(b)
  WHERE NOT type(r) IN $excluded
  WITH r AS item, a, b, dateOf(relationshipStart(r)) AS since, dateOf(relationshipEnd(r)) AS until
  WHERE ($from < since AND since <= $to) OR ($from < until AND until <= $to)
  RETURN item, a, b, since, until
  UNION ALL
  MATCH (n)
  WHERE NOT n:_EntenteSavedQuery
  WITH n AS item, dateOf(nodeStart(n)) AS since, dateOf(nodeEnd(n)) AS until
  WHERE ($from < since AND since <= $to) OR ($from < until AND until <= $to)
  RETURN item, null AS a, null AS b, since, until
}
RETURN item, a, b, since, until
ORDER BY CASE WHEN $from < since AND since <= $to THEN since ELSE until END, elementId(item)
LIMIT $limit
