// The simplest equivalent of POST /api/subgraph: the nodes by id and the relationships among them.
MATCH (n:BenchNode) WHERE n.id IN $ids
WITH collect(n) AS nodes
UNWIND nodes AS a
OPTIONAL MATCH (a)-[r]->(b) WHERE b IN nodes
RETURN nodes, collect(r) AS relationships
