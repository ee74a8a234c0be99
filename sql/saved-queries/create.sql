INSERT INTO saved_queries (id, name, description, query, parameters, owner_id)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (id) DO NOTHING
RETURNING id, name, description, query, parameters, version, owner_id
