// A source document cited by an edit: made once, kept as it was first given.
MERGE (s:Source {id: $id})
ON CREATE SET s += $properties, s._entente_lastEdit = $edit
RETURN s
