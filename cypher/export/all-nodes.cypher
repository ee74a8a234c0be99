// Every node of the database (Entente's own reserved label left out), with the day it began and ended by the
// dating rule. Streamed: the export pulls records only as fast as its client reads them.
MATCH (n)
WHERE NOT n:_EntenteSavedQuery
RETURN n, dateOf(nodeStart(n)) AS since, dateOf(nodeEnd(n)) AS until
