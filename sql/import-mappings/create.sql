-- Nothing returned when the name is taken.
INSERT INTO import_mappings (name, description, mapping, owner_id, owner_name)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (name) DO NOTHING
RETURNING name, description, mapping, version, owner_name, created_at, updated_at
