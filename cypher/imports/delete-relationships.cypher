// One batch of the relationships of `type` that an import made.
MATCH ()-[r:{{name:type}}]->() WHERE r._entente_created_by = $import
WITH r LIMIT 10000
DELETE r
RETURN count(*) AS deleted
