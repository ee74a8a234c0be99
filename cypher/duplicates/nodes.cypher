// The nodes compared by name and alias (source documents aside), at most $limit.
MATCH (n) WHERE NOT n:_EntenteSavedQuery AND NOT n:Source
RETURN n
LIMIT $limit
