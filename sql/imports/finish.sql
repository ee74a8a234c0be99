UPDATE imports SET status = $2, failure = $3, finished_at = now(), heartbeat_at = now() WHERE id = $1 RETURNING *
