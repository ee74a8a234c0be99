// Updates a user's saved query only if the caller saw its current version (optimistic concurrency). The
// SET/REMOVE pair changes nothing but takes the node's write lock first, so concurrent writers queue here
// and each reads the version the previous one committed: exactly one per version wins, the rest match
// nothing and return no row.
MATCH (q:_EntenteSavedQuery {id: $id})
SET q._lock = true
REMOVE q._lock
WITH q WHERE q.version = $version
SET q += $fields, q.version = q.version + 1, q.updatedAt = datetime()
RETURN q
