SELECT name, description, mapping, version, owner_name, created_at, updated_at
FROM import_mappings
ORDER BY lower(name), name
