-- The id the next edit will have, taken before the graph is written (the graph names its last edit).
SELECT nextval(pg_get_serial_sequence('graph_edits', 'id')) AS id
