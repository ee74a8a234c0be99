SELECT id, at, actor_kind, actor_id, actor_name, action, target_type, target_id, before, after, client
FROM audit_log
WHERE ($1::bigint IS NULL OR id < $1)
  AND ($2::text IS NULL OR action LIKE $2 || '%')
  AND ($3::text IS NULL OR actor_name = $3)
ORDER BY id DESC
LIMIT $4
