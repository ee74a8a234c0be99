INSERT INTO sessions (id_hash, user_id, csrf_token, via, expires_at, user_agent, client)
VALUES ($1, $2, $3, $4, now() + $5 * interval '1 hour', $6, $7)
