DELETE FROM saved_queries WHERE id = $1
