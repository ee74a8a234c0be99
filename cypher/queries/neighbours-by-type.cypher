// name: Neighbours of a node by relationship type
// description: The relationships of one type around a node, with the nodes at their other ends.
// parameters:
//   - { name: node, type: nodeId, description: 'The node' }
//   - { name: type, type: relationshipType, description: 'Relationship type' }
//   - { name: limit, type: number, default: 100, description: 'How many' }
MATCH (n)-[r]-(m)
WHERE elementId(n) = $node AND type(r) = $type
RETURN n, r, m, type(r) AS relationship
LIMIT toInteger($limit)
