// Undoing a merge: the kept node exactly as it was, labels (the `labels` slot) and every property (the `set`
// slot), its
// last edit now the undo (so its history reads on through the merge).
MATCH (k) WHERE elementId(k) = $keep
{{cypher:labels}}
SET k = {}
{{cypher:set}}
SET k._entente_lastEdit = $edit
RETURN k
