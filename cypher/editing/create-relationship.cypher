// A new relationship between two nodes (by elementId) of a checked type, given as a parameter.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
CREATE (a)-[n:$($type)]->(b)
SET n.id = $id, n._entente_id = randomUUID(), n._entente_version = 1, n._entente_lastEdit = $edit
{{cypher:set}}
RETURN n AS r, a, b
