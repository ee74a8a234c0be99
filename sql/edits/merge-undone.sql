UPDATE graph_merges SET undone_at = now() WHERE id = $1
