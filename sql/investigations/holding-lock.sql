-- The investigations whose canvas holds node $1, locked until the transaction ends (a merge of nodes or its
-- undo rewrites them), in one order so that two such writers never wait for each other.
SELECT id, title, description, version, view, known_relationships FROM investigations
WHERE view -> 'ids' ? $1 ORDER BY id FOR UPDATE
