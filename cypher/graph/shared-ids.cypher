// `id` values (strings and integers, written as API keys) that more than one node has: such nodes go by
// their elementId (see server/graph/identity.ts). One pass over the nodes, re-run only when counts change.
MATCH (n)
WHERE (n.id IS :: STRING NOT NULL OR n.id IS :: INTEGER NOT NULL) AND NOT n:_EntenteSavedQuery
WITH toString(n.id) AS key, count(*) AS holders
WHERE holders > 1
WITH collect(key) AS keys
RETURN keys[..$max] AS keys, size(keys) > $max AS overflow
