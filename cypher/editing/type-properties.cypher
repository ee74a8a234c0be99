// The properties that relationships of type $type already have, with the kinds of their values, from a sample:
// what the explorer's form for a new relationship is built from.
MATCH ()-[n:$($type)]->()
WITH n LIMIT 200
UNWIND keys(n) AS key
WITH key, n[key] AS value
WHERE NOT key STARTS WITH '_entente'
RETURN key, collect(DISTINCT valueType(value)) AS kinds, count(*) AS count
ORDER BY count DESC, key
LIMIT 100
