SELECT name, description, mapping, version, owner_name, created_at, updated_at
FROM import_mappings
WHERE name = $1
FOR UPDATE
