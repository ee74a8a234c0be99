SELECT setval(pg_get_serial_sequence('import_changes', 'seq'), greatest((SELECT max(seq) FROM import_changes), 1))
