// One batch of the nodes of `label` that an import made but that relationships it did not make still use (a
// Source a later import cites, a node an edit linked): kept by the rollback, and handed to the import whose
// relationship uses them (so that its own rollback takes them when nothing else does), or to nobody.
MATCH (n:{{name:label}}) WHERE n._entente_created_by = $import AND EXISTS { (n)--() }
WITH n LIMIT 5000
SET n._entente_created_by = head([(n)-[r]-() WHERE r._entente_created_by <> $import | r._entente_created_by])
RETURN count(*) AS deleted
