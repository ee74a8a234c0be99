// Fallback for ids no index knows (labels without an index on `id`): a scan, bounded by the query timeout.
UNWIND $ids AS key
MATCH (n) WHERE n.id = key AND NOT n:_EntenteSavedQuery
RETURN key, collect(n)[0] AS node
