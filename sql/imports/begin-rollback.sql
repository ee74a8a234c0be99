-- Takes the writer's slot to roll a finished, cancelled, failed or interrupted import back.
UPDATE imports SET status = 'rolling-back', heartbeat_at = now(), failure = NULL
WHERE id = $1 AND NOT dry_run AND status IN ('done', 'failed', 'cancelled', 'interrupted')
RETURNING *
