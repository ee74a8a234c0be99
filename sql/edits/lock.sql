-- Serialises the writers of one graph entity across every Entente process sharing this store, until the
-- transaction ends (the graph write commits inside it).
SELECT pg_advisory_xact_lock(hashtextextended($1, 26))
