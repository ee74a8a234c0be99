// A new node: its labels (checked names, as a parameter), its id, Entente's bookkeeping, then the edited
// properties (the marker line becomes one SET per property, keys escaped, values from $values).
CREATE (n:$($labels))
SET n.id = $id, n._entente_id = randomUUID(), n._entente_version = 1, n._entente_lastEdit = $edit
// @set
RETURN n
