// The nodes that API keys ($keys) name: the exact inverse of the identity rule (server/graph/identity.ts).
// A key names the node whose elementId it is, or else the one node whose `id` property writes it (a
// non-empty string equal to it, or an integer spelling it). $propertyKeys: the keys that may stand for an
// `id` at all (not shared by several nodes, not shaped like an elementId); $idValues: the values they may
// stand for (each key, and the 64-bit integer it spells). Candidates come through the `id` index of each
// label that has one (the `indexed` slot gets one UNION branch per such label, nodes/resolve-id-in-label.cypher,
// because the planner seeks an index only for a label written out); when $scan, a scan looks for the keys
// no index answered. Ends with one row per key found: `key, n`. Queries about one node start with this text
// (their `resolveIds` slot), so this file is a fragment: it parses only inside one.
CALL () {
  MATCH (n) WHERE elementId(n) IN $keys RETURN n
  {{cypher:indexed}}
}
WITH [n IN collect(n) WHERE NOT n:_EntenteSavedQuery] AS indexed
CALL (indexed) {
  WITH [c IN indexed WHERE valueType(c.id) STARTS WITH 'STRING' OR valueType(c.id) STARTS WITH 'INTEGER'
        | toString(c.id)] AS written
  WITH [key IN $propertyKeys WHERE NOT key IN written] AS unresolved
  WITH [value IN $idValues WHERE toString(value) IN unresolved] AS unresolvedValues
  WHERE $scan AND size(unresolvedValues) > 0
  MATCH (n) WHERE n.id IN unresolvedValues AND NOT n:_EntenteSavedQuery
  RETURN collect(n) AS scanned
}
UNWIND indexed + scanned AS candidate
UNWIND [elementId(candidate)] +
       CASE WHEN (valueType(candidate.id) STARTS WITH 'STRING' AND candidate.id <> '')
                 OR valueType(candidate.id) STARTS WITH 'INTEGER'
            THEN [toString(candidate.id)] ELSE [] END AS key
WITH key, candidate
WHERE CASE WHEN key = elementId(candidate) THEN key IN $keys ELSE key IN $propertyKeys END
WITH key, collect(DISTINCT candidate) AS holders
// Two holders of one key means the identity rule was read before they met: neither is guessed at.
WHERE size(holders) = 1
WITH key, holders[0] AS n
