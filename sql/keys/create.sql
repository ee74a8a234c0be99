INSERT INTO api_keys (user_id, name, prefix, secret_hash, scopes, expires_at)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, user_id, name, prefix, scopes, expires_at, last_used_at, created_at
