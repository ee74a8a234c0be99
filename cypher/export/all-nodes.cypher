// Every node of the database (Entente's own reserved label left out), with the day it began and ended by the
// dating rule (when $dated: NDJSON carries the properties only). Streamed: the export pulls records only as fast as its client reads them.
MATCH (n)
WHERE NOT n:_EntenteSavedQuery
RETURN n,
       CASE WHEN $dated THEN dateOf(nodeStart(n)) END AS since,
       CASE WHEN $dated THEN dateOf(nodeEnd(n)) END AS until
