// Entente's own id for nodes an edit writes or stands on (`_entente_id`, set once, never changed): what the
// history and the dependency check of reverts name them by, since Neo4j reuses the elementId of a deleted node.
// A node edited before Entente kept these ids (it has `_entente_lastEdit`) gets its elementId, which its earlier
// edits name it by (migration 005).
UNWIND $keys AS key
MATCH (n) WHERE elementId(n) = key
SET n._entente_id = coalesce(n._entente_id, CASE WHEN n._entente_lastEdit IS NULL THEN randomUUID() ELSE key END)
RETURN key, n._entente_id AS uid
