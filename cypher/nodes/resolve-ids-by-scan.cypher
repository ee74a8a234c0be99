// Fallback for keys no index knows (labels without an index on `id`): one scan for all of them, bounded
// by the query timeout.
MATCH (n) WHERE n.id IN $values AND NOT n:_EntenteSavedQuery
RETURN n
