DELETE FROM sessions WHERE id_hash = $1 RETURNING user_id
