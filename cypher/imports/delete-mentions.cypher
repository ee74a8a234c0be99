// One batch of the MENTIONED_IN links that an import made (between nodes it did not make).
MATCH ()-[r:MENTIONED_IN]->() WHERE r._entente_created_by = $import
WITH r LIMIT 10000
DELETE r
RETURN count(*) AS deleted
