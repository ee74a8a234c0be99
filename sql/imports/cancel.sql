-- Asks a running import to stop; the job stops after its current batch and rolls back.
UPDATE imports SET cancel_requested = true WHERE id = $1 AND status = 'running' RETURNING *
