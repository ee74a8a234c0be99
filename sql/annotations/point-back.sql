-- Notes $1 that a merge pointed to $2 name $3 again (the merge undone), unless moved since.
UPDATE annotations SET target_id = $3 WHERE id = ANY($1::uuid[]) AND target_id = $2
