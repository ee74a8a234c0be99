// As stamp-nodes.cypher, for relationships an edit writes or stands on.
UNWIND $keys AS key
MATCH ()-[n]->() WHERE elementId(n) = key
SET n._entente_id = coalesce(n._entente_id, CASE WHEN n._entente_lastEdit IS NULL THEN randomUUID() ELSE key END)
RETURN key, n._entente_id AS uid
