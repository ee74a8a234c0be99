MATCH (q:_EntenteSavedQuery {id: $id})
RETURN q
