UPDATE annotations SET text = $2, sources = $3, step = $4, updated_at = now() WHERE id = $1
RETURNING id, target_kind, target_id, text, sources, step, author_id, author, created_at, updated_at
