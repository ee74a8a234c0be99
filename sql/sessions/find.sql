SELECT s.csrf_token, s.via, s.last_seen_at, u.id AS user_id, u.username, u.role
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE s.id_hash = $1 AND s.expires_at > now() AND NOT u.disabled
