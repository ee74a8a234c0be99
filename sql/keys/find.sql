SELECT k.id, k.secret_hash, k.scopes, k.expires_at, k.revoked_at, u.id AS user_id, u.username, u.role, u.disabled
FROM api_keys k JOIN users u ON u.id = k.user_id
WHERE k.prefix = $1
