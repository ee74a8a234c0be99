SELECT id, target_kind, target_id, text, sources, step, author_id, author, created_at, updated_at
FROM annotations
WHERE investigation_id = $1 AND deleted_at IS NULL
ORDER BY step NULLS LAST, created_at
