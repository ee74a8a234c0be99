// Creates a user's saved query unless the id is taken (then returns no row).
OPTIONAL MATCH (existing:_EntenteSavedQuery {id: $id})
WITH existing WHERE existing IS NULL
CREATE (q:_EntenteSavedQuery {id: $id})
SET q += $fields, q.version = 1, q.createdAt = datetime(), q.updatedAt = datetime()
RETURN q
