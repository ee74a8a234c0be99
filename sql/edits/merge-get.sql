SELECT id, keep_key, keep_id, merge_id, snapshot, edit_id, undone_at FROM graph_merges WHERE id = $1 FOR UPDATE
