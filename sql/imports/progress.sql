-- A running import's progress after a batch; answers whether it was asked to stop.
UPDATE imports
SET rows_done = $2, bytes_done = $3, counts = $4, errors = CASE WHEN jsonb_array_length(errors) < 10000
      THEN errors || $5::jsonb ELSE errors END,
    error_count = $6, ambiguous = CASE WHEN jsonb_array_length(ambiguous) < 10000 THEN ambiguous || $7::jsonb ELSE ambiguous END,
    written = $8, heartbeat_at = now()
WHERE id = $1
RETURNING cancel_requested
