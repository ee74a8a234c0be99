-- Fixed windows shared by every instance: a hit in an expired window starts a new one.
INSERT INTO rate_counters (key, window_start, hits) VALUES ($1, now(), 1)
ON CONFLICT (key) DO UPDATE SET
  hits = CASE WHEN rate_counters.window_start <= now() - $2 * interval '1 millisecond' THEN 1 ELSE rate_counters.hits + 1 END,
  window_start = CASE WHEN rate_counters.window_start <= now() - $2 * interval '1 millisecond' THEN now()
                      ELSE rate_counters.window_start END
RETURNING hits, window_start + $2 * interval '1 millisecond' AS resets_at
