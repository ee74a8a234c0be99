// A figure stated differently by other sources: a new relationship beside the old one, a copy of it with
// the edited properties, joined to it by a shared `disputes` key (the old one's, or $group when it had none).
MATCH (a)-[old]->(b) WHERE elementId(old) = $key
CREATE (a)-[n:$(type(old))]->(b)
SET n = properties(old)
REMOVE n._entente_id, n._entente_version, n._entente_lastEdit, n._entente_mergedFrom
SET n.id = $id, n._entente_id = randomUUID(), n.disputes = coalesce(old.disputes, $group), n._entente_version = 1, n._entente_lastEdit = $edit
SET old.disputes = coalesce(old.disputes, $group)
{{cypher:set}}
RETURN n AS r, a, b
