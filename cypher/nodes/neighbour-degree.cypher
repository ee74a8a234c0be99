// The degree of one node, by elementId: where a neighbours page read most-connected first ends, for its
// cursor (nodes.queries.ts).
MATCH (m) WHERE elementId(m) = $id
RETURN COUNT { (m)--() } AS degree
