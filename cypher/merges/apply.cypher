// The kept node takes the merged node's labels (marker line) and what it lacked (the @set line).
MATCH (k) WHERE elementId(k) = $keep
// @labels
SET k._entente_version = $version + 1, k._entente_lastEdit = $edit
// @set
RETURN k
