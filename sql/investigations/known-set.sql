UPDATE investigations SET known_relationships = $2 WHERE id = $1
