DELETE FROM sessions WHERE encode(id_hash, 'hex') = $1 AND ($2::uuid IS NULL OR user_id = $2) RETURNING user_id
