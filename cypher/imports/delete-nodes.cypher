// One batch of the nodes of `label` that an import made, with their relationships.
MATCH (n:{{name:label}}) WHERE n._entente_created_by = $import
WITH n LIMIT 5000
DETACH DELETE n
RETURN count(*) AS deleted
