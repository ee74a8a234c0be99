// name: How two companies are connected
// description: The shortest chains of relationships between two nodes, ignoring document mentions.
// parameters:
//   - { name: from, type: nodeId, default: google, description: 'Start' }
//   - { name: to, type: nodeId, default: microsoft, description: 'End' }
MATCH (a {id: $from}), (b {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE none(r IN relationships(p) WHERE type(r) = 'MENTIONED_IN')
RETURN p, length(p) AS hops
LIMIT 10
