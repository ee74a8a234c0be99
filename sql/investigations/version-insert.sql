INSERT INTO investigation_versions
  (investigation_id, version, author_id, author, title, description, snapshot, delta, node_count)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
