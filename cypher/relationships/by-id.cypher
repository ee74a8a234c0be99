// The relationship an API id names (graph/mapping.ts, toApiEdge): the one whose elementId it is, or else one
// whose `id` property is that (non-empty) string, with its two ends. The elementId is sought directly; the
// property is looked for only when $byProperty (the id is not shaped like an elementId), by a scan or an index.
CALL () {
  MATCH (a)-[r]->(b) WHERE elementId(r) = $id
  RETURN r, a, b
  UNION
  MATCH (a)-[r]->(b) WHERE $byProperty AND r.id = $id
  RETURN r, a, b
}
RETURN r, a, b
LIMIT 1
