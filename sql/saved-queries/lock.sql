SELECT id, name, description, query, parameters, version, owner_id FROM saved_queries WHERE id = $1 FOR UPDATE
