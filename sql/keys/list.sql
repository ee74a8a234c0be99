SELECT k.id, k.user_id, u.username, k.name, k.prefix, k.scopes, k.expires_at, k.last_used_at, k.created_at, k.revoked_at
FROM api_keys k JOIN users u ON u.id = k.user_id
WHERE ($1::uuid IS NULL OR k.user_id = $1)
ORDER BY k.created_at DESC
