// Undoing a merge: the kept node exactly as it was, labels (marker line) and every property (@set line).
MATCH (k) WHERE elementId(k) = $keep
// @labels
SET k = {}
// @set
RETURN k
