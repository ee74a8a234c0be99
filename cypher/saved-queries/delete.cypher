// Deletes a user's saved query only at the version the caller saw, reading the version under the node's
// write lock (see update.cypher); returns how many were deleted.
MATCH (q:_EntenteSavedQuery {id: $id})
SET q._lock = true
REMOVE q._lock
WITH q WHERE q.version = $version
DETACH DELETE q
RETURN count(*) AS deleted
