SELECT * FROM imports ORDER BY created_at DESC LIMIT $1
