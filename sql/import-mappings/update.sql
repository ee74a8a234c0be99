UPDATE import_mappings
SET description = $2, mapping = $3, version = version + 1, updated_at = now()
WHERE name = $1
RETURNING name, description, mapping, version, owner_name, created_at, updated_at
