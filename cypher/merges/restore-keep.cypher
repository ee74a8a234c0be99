// Undoing a merge: the kept node exactly as it was, labels (marker line) and every property (@set line), its
// last edit now the undo (so its history reads on through the merge).
MATCH (k) WHERE elementId(k) = $keep
// @labels
SET k = {}
// @set
SET k._entente_lastEdit = $edit
RETURN k
