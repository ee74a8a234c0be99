// The kept node takes the merged node's labels (the `labels` slot) and what it lacked (the `set` slot).
MATCH (k) WHERE elementId(k) = $keep
{{cypher:labels}}
SET k._entente_version = $version + 1, k._entente_lastEdit = $edit
{{cypher:set}}
RETURN k
