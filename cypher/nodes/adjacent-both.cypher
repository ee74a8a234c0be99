// The relationships between n and a given m either way: one pattern per direction, so that Neo4j checks each
// from the end with fewer relationships that way (an undirected check between two supernodes reads all of
// one's). A self-loop is one relationship in the undirected pattern: it is kept in its outgoing half only.
MATCH {{cypher:outgoing}} RETURN r
UNION ALL
MATCH {{cypher:incoming}} WHERE m <> n RETURN r
