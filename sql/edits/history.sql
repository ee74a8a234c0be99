-- An entity's edits, newest first: the chain from the edit its `_entente_lastEdit` names ($1), each edit naming
-- the one before it; for an entity that is gone ($1 null), the edits of the API id it had ($2, of kind $3).
WITH RECURSIVE chain AS (
  SELECT * FROM graph_edits WHERE id = $1
  UNION ALL
  SELECT e.* FROM graph_edits e JOIN chain c ON e.id = c.previous_edit
)
SELECT id, at, actor_kind, actor_name, action, target_kind, target_id, version, before, after, claim, sources,
  reverts, reverted_by, merge_id
FROM (
  SELECT * FROM chain WHERE $1::bigint IS NOT NULL
  UNION
  SELECT * FROM graph_edits WHERE $1::bigint IS NULL AND $2::text IS NOT NULL AND target_id = $2 AND target_kind = $3
) edits
ORDER BY id DESC LIMIT $4
