// The simplest equivalent of GET /api/nodes/:id/neighbours: any 50 relationships, unordered, no total.
MATCH (n:BenchNode {id: $id})-[r]-(m)
RETURN n, r, m LIMIT 50
