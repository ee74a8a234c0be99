SELECT id, at, actor_kind, actor_name, action, target_kind, target_key, target_uid, target_id, touches, version, before, after,
  claim, sources, reverts, reverted_by, merge_id
FROM graph_edits WHERE id = $1 FOR UPDATE
