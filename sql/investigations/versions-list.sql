SELECT version, saved_at, author, title, node_count
FROM investigation_versions
WHERE investigation_id = $1
ORDER BY version DESC
LIMIT $2
