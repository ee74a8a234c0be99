// Candidate nodes for API keys (see server/graph/identity.ts): by elementId, and by `id` property through
// the index of each label that has one. The marker line below is replaced by one UNION branch per such
// label (nodes/resolve-id-in-label.cypher), because the planner seeks an index only for a label written
// out. Which candidate answers which key is decided by the caller, with the identity rule.
CALL () {
  MATCH (n) WHERE elementId(n) IN $elementIds RETURN n
  // @each-id-indexed-label
}
WITH DISTINCT n WHERE NOT n:_EntenteSavedQuery
RETURN n
