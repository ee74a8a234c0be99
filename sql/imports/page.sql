-- One page of imports, newest first, after a keyset position: $1 and $2 the last one's created_at (as text,
-- to the microsecond, UTC) and id, or null for the first page; $3 the page size (one more than asked, to
-- know more follow).
SELECT *, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS cursor_at
FROM imports
WHERE $1::text IS NULL OR (created_at, id) < (($1::text || 'Z')::timestamptz, $2::uuid)
ORDER BY created_at DESC, id DESC
LIMIT $3
