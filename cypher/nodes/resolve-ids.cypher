// Finds nodes by API id: an elementId, or an `id` property looked up through the index of each label
// that has one. The marker line below is replaced by one UNION branch per such label
// (nodes/resolve-id-in-label.cypher), because the planner seeks an index only for a label written out.
UNWIND $ids AS key
CALL (key) {
  MATCH (n) WHERE elementId(n) = key RETURN n
  // @each-id-indexed-label
}
WITH key, n WHERE NOT n:_EntenteSavedQuery
RETURN key, collect(n)[0] AS node
