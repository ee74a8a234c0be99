// A node's relationships (each once, self-loops included), at most $limit + 1 to know there were more.
MATCH (n)-[r]-() WHERE elementId(n) = $key
WITH DISTINCT r LIMIT $limit
MATCH (a)-[r]->(b)
RETURN r, a, b
