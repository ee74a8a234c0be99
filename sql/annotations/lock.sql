SELECT id, target_kind, target_id, text, sources, step, author_id, author, created_at, updated_at
FROM annotations WHERE id = $1 AND investigation_id = $2 AND deleted_at IS NULL FOR UPDATE
