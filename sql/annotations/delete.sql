UPDATE annotations SET deleted_at = now() WHERE id = $1
