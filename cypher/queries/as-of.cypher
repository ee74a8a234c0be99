// name: A node's relationships on a date
// description: The relationships of a node that held on a given day (begun, not yet ended), on any graph whose relationships are dated by since/until.
// parameters:
//   - { name: node, type: nodeId, description: 'The node' }
//   - { name: asOf, type: date, default: '2024-01-01', description: 'The day' }
MATCH (node)-[link]-(other)
WHERE elementId(node) = $node AND type(link) <> 'MENTIONED_IN'
  AND coalesce(dateOf(link.since) <= $asOf, true) AND coalesce(dateOf(link.until) > $asOf, true)
RETURN node, link, other, type(link) AS relationship, toString(link.since) AS since, toString(link.until) AS until
