UPDATE investigations
SET title = $2, description = $3, view = $4, node_count = $5, version = $6, updated_at = now()
WHERE id = $1
