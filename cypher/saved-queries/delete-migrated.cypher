// Removes the graph's saved-query nodes once the store holds them, with their constraint's label.
MATCH (q:_EntenteSavedQuery)
WHERE q.id IN $ids
DETACH DELETE q
RETURN count(*) AS deleted
