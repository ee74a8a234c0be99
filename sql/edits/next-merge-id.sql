-- The id the next merge will have, taken before its edit is recorded (the edit names its merge).
SELECT nextval(pg_get_serial_sequence('graph_merges', 'id')) AS id
