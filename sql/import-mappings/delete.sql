DELETE FROM import_mappings WHERE name = $1
