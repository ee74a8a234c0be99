UPDATE graph_edits SET reverted_by = $2 WHERE id = $1
