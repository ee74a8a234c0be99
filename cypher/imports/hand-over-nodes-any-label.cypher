// After the passes by label: one batch of the nodes an import made under labels it did not write itself
// (handed to it by an earlier import's rollback, see hand-over-nodes.cypher) that other relationships still
// use, handed on in turn. A scan of every node, once per rollback.
MATCH (n) WHERE n._entente_created_by = $import AND EXISTS { (n)--() }
WITH n LIMIT 5000
SET n._entente_created_by = head([(n)-[r]-() WHERE r._entente_created_by <> $import | r._entente_created_by])
RETURN count(*) AS deleted
