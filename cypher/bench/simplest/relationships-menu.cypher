// The simplest equivalent of GET /api/nodes/:id/relationships: counting the node's relationships per type
// and direction by walking them.
MATCH (n:BenchNode {id: $id})-[r]-()
RETURN type(r) AS type, startNode(r) = n AS outgoing, count(*) AS count
