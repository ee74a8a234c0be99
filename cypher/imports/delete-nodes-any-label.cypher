// After the passes by label: one batch of the nodes an import made under labels it did not write itself
// (handed to it by an earlier import's rollback), with their relationships.
MATCH (n) WHERE n._entente_created_by = $import
WITH n LIMIT 5000
DETACH DELETE n
RETURN count(*) AS deleted
