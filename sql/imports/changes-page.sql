-- One page of what an import overwrote, latest first (restored in the reverse order of writing).
SELECT element_id, kind, before, added_labels, seq FROM import_changes
WHERE import_id = $1 AND ($2::bigint IS NULL OR seq < $2)
ORDER BY seq DESC LIMIT $3
