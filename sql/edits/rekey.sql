-- An entity made again (a revert of a delete, an undone merge) has a new elementId: its history follows it.
UPDATE graph_edits SET target_key = CASE WHEN target_key = $1 THEN $2 ELSE target_key END,
  touches = array_replace(touches, $1, $2)
WHERE touches @> ARRAY[$1]::text[]
