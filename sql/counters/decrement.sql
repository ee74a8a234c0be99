UPDATE rate_counters SET hits = greatest(hits - 1, 0) WHERE key = $1
