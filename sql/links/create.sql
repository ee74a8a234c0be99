INSERT INTO one_time_links (token_hash, user_id, purpose, expires_at)
VALUES ($1, $2, $3, now() + $4 * interval '1 minute')
RETURNING expires_at
