-- Notes added, edited or deleted between two moments ($2 exclusive, $3 inclusive).
SELECT id::text AS id,
       CASE WHEN deleted_at > $2 AND deleted_at <= $3 THEN 'deleted'
            WHEN created_at > $2 AND created_at <= $3 THEN 'added'
            ELSE 'edited' END AS change
FROM annotations
WHERE investigation_id = $1
  AND NOT (created_at > $3)
  AND (created_at > $2 AND created_at <= $3
       OR updated_at > $2 AND updated_at <= $3
       OR deleted_at > $2 AND deleted_at <= $3)
