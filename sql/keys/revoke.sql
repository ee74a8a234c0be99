UPDATE api_keys SET revoked_at = now()
WHERE id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR user_id = $2)
RETURNING id, user_id, name, prefix, scopes, expires_at
