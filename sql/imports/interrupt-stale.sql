-- Imports whose process stopped mid-way (no progress for two minutes): marked interrupted, so that they
-- free the writer's slot and can be rolled back.
UPDATE imports SET status = 'interrupted', failure = 'the process running it stopped', finished_at = now()
WHERE status IN ('running', 'rolling-back') AND heartbeat_at < now() - interval '2 minutes'
