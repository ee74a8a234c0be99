// The relationships between n and a given m, one way (nodes/expansion-out.cypher or expansion-in.cypher).
MATCH {{cypher:expansion}} RETURN r
