INSERT INTO audit_log (actor_kind, actor_id, actor_name, action, target_type, target_id, before, after, client)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
