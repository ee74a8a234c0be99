// A relationship by elementId, with its ends.
MATCH (a)-[r]->(b) WHERE elementId(r) = $key
RETURN r, a, b
