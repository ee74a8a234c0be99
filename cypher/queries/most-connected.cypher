// name: Most connected nodes of a label
// description: The nodes of one label with the most relationships, busiest first.
// parameters:
//   - { name: label, type: label, description: 'Label' }
//   - { name: limit, type: number, default: 25, description: 'How many' }
MATCH (n)
WHERE $label IN labels(n)
WITH n, COUNT { (n)--() } AS relationships
ORDER BY relationships DESC
LIMIT toInteger($limit)
RETURN n, relationships
