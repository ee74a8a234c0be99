// Updates a user's saved query only if the caller saw its current version (optimistic concurrency);
// a stale version matches nothing and returns no row.
MATCH (q:_EntenteSavedQuery {id: $id})
WHERE q.version = $version
SET q += $fields, q.version = q.version + 1, q.updatedAt = datetime()
RETURN q
