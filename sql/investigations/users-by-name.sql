SELECT id::text AS id, username FROM users WHERE lower(username) = ANY ($1::text[])
