SELECT encode(s.id_hash, 'hex') AS id, s.user_id, u.username, s.via, s.created_at, s.last_seen_at, s.expires_at,
       s.user_agent, s.client
FROM sessions s JOIN users u ON u.id = s.user_id
WHERE ($1::uuid IS NULL OR s.user_id = $1) AND s.expires_at > now()
ORDER BY s.last_seen_at DESC
