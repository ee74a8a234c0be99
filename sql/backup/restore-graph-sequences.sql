SELECT setval(pg_get_serial_sequence('graph_edits', 'id'), greatest((SELECT max(id) FROM graph_edits), 1)),
  setval(pg_get_serial_sequence('graph_merges', 'id'), greatest((SELECT max(id) FROM graph_merges), 1))
