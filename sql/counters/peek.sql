SELECT hits FROM rate_counters WHERE key = $1 AND window_start > now() - $2 * interval '1 millisecond'
