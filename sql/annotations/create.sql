INSERT INTO annotations (investigation_id, target_kind, target_id, text, sources, step, author_id, author, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()))
RETURNING id, target_kind, target_id, text, sources, step, author_id, author, created_at, updated_at
