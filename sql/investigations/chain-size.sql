-- Bytes of the newest full snapshot and of the deltas stored after it: a save stores a new snapshot once the
-- deltas outweigh it, so rebuilding any version reads at most about twice its size.
WITH last AS (
  SELECT version, octet_length(snapshot::text) AS bytes FROM investigation_versions
  WHERE investigation_id = $1 AND snapshot IS NOT NULL ORDER BY version DESC LIMIT 1
)
SELECT (SELECT bytes FROM last) AS snapshot_bytes,
       coalesce((SELECT sum(octet_length(delta::text)) FROM investigation_versions
                 WHERE investigation_id = $1 AND version > (SELECT version FROM last)), 0)::bigint AS delta_bytes
