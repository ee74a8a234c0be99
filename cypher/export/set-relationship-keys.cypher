// The property keys of the relationships among the given nodes and the types their values have.
MATCH (a) WHERE elementId(a) IN $elementIds
MATCH (b) WHERE elementId(b) IN $elementIds
MATCH (a)-[r]->(b)
UNWIND keys(r) AS key
RETURN key, collect(DISTINCT valueType(r[key])) AS types
