-- What rebuilds version $2: the nearest full snapshot at or before it, then each delta after it, in order.
SELECT version, saved_at, author, title, description, node_count, snapshot, delta
FROM investigation_versions
WHERE investigation_id = $1
  AND version <= $2
  AND version >= (SELECT max(version) FROM investigation_versions
                  WHERE investigation_id = $1 AND version <= $2 AND snapshot IS NOT NULL)
ORDER BY version
