INSERT INTO graph_merges (id, actor_name, keep_key, keep_id, merge_id, snapshot, edit_id)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id
