INSERT INTO imports (owner_id, owner_name, file_name, file_bytes, format, encoding, mapping, dry_run, rejected_rows, status)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'running')
RETURNING *
