// The `labels` slot of merges/apply.cypher: the kept node takes the merged node's labels ($labels).
SET k:$($labels)
