// The property keys of the given nodes and the types their values have (valueType).
MATCH (n)
WHERE elementId(n) IN $elementIds
UNWIND keys(n) AS key
RETURN key, collect(DISTINCT valueType(n[key])) AS types
