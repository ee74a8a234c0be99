// The property keys of every relationship and the types their values have (valueType).
MATCH (a)-[r]->(b)
WHERE NOT a:_EntenteSavedQuery AND NOT b:_EntenteSavedQuery
UNWIND keys(r) AS key
RETURN key, collect(DISTINCT valueType(r[key])) AS types
