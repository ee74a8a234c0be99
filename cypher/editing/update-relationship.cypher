// Bumps a relationship's version and sets the edited properties (the `set` slot: one SET or REMOVE per key).
MATCH (a)-[n]->(b) WHERE elementId(n) = $key
SET n._entente_version = $version + 1, n._entente_lastEdit = $edit
{{cypher:set}}
RETURN n AS r, a, b
