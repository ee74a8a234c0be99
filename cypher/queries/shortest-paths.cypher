// name: Shortest paths between two nodes
// description: Every shortest path of at most six relationships between two nodes, leaving out source-document mentions.
// parameters:
//   - { name: from, type: nodeId, description: 'Start' }
//   - { name: to, type: nodeId, description: 'End' }
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONED_IN')
RETURN p, length(p) AS hops
LIMIT 10
