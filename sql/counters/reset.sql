DELETE FROM rate_counters WHERE key = $1
