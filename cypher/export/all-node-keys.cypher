// The property keys of every node and the types their values have (valueType), to declare typed attributes
// before the first node is written.
MATCH (n)
WHERE NOT n:_EntenteSavedQuery
UNWIND keys(n) AS key
RETURN key, collect(DISTINCT valueType(n[key])) AS types
