-- An entity made again (a revert of a delete, an undone merge, a relationship moved by a merge) has a new
-- elementId: the edits of its `_entente_id` ($1) find it there.
UPDATE graph_edits SET target_key = $2 WHERE target_uid = $1
