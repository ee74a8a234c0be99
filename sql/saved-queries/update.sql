UPDATE saved_queries
SET name = $2, description = $3, query = $4, parameters = $5, version = version + 1, updated_at = now()
WHERE id = $1
RETURNING id, name, description, query, parameters, version, owner_id
