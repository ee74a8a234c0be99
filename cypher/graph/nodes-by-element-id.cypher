// Nodes by elementId: the end nodes of relationships a query returned without them.
MATCH (n) WHERE elementId(n) IN $elementIds
RETURN n
