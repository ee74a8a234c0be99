-- One instance migrates at a time; the others wait here, then find nothing left to do.
SELECT pg_advisory_xact_lock(hashtext('entente.migrations'))
