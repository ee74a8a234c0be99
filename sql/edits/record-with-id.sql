INSERT INTO graph_edits (id, actor_kind, actor_id, actor_name, action, target_kind, target_key, target_id, touches,
  version, before, after, claim, sources, reverts, merge_id, previous_edit, target_uid)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
RETURNING id, at
