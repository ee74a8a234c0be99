-- A link works once: the first to use it marks it used, a second finds no row.
UPDATE one_time_links l SET used_at = now()
FROM users u
WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > now() AND u.id = l.user_id AND NOT u.disabled
RETURNING u.id AS user_id, u.username, u.role, l.purpose
