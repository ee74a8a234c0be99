INSERT INTO investigations (id, title, description, owner_id, view, node_count)
VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (id) DO NOTHING
RETURNING id
