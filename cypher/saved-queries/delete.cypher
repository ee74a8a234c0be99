// Deletes a user's saved query only at the version the caller saw; returns how many were deleted.
MATCH (q:_EntenteSavedQuery {id: $id})
WHERE q.version = $version
DETACH DELETE q
RETURN count(*) AS deleted
