-- Every edit of one entity, newest first.
SELECT id, at, actor_kind, actor_name, action, target_kind, target_id, version, before, after, claim, sources,
  reverts, reverted_by, merge_id
FROM graph_edits WHERE target_key = $1 OR ($2::text IS NOT NULL AND target_id = $2 AND target_kind = $3)
ORDER BY id DESC LIMIT $4
