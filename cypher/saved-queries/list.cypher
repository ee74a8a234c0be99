MATCH (q:_EntenteSavedQuery)
RETURN q
ORDER BY q.name
