-- Later edits that still stand on what edit $1 made: they touch one of $2 (what it made), are not reverted, and are not
-- the revert of an edit later than $1 (an edit and its revert cancel out).
SELECT id, action, target_id, actor_name, at FROM graph_edits
WHERE id > $1 AND touches && $2::text[] AND reverted_by IS NULL AND NOT (reverts IS NOT NULL AND reverts > $1)
ORDER BY id LIMIT 5
