-- The notes of investigation $1 on node or relationship $2 ($4: its kind) now name $3 (a merge of nodes, its undo).
UPDATE annotations SET target_id = $3
WHERE investigation_id = $1 AND target_kind = $4 AND target_id = $2 AND deleted_at IS NULL
RETURNING id
