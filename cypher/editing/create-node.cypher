// A new node: its labels (checked names, as a parameter), its id, Entente's bookkeeping, then the edited
// properties (the `set` slot: one editing/set-property.cypher per property, values from $values).
CREATE (n:$($labels))
SET n.id = $id, n._entente_id = randomUUID(), n._entente_version = 1, n._entente_lastEdit = $edit
{{cypher:set}}
RETURN n
