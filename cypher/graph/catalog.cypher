// The database's own lists of labels, relationship types and property keys, with counts read from the
// count store (constant time, whatever the size of the graph). Each list is collected in a subquery, so
// an empty database (no property keys yet) still answers one row of empty lists.
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
CALL () {
  CALL db.propertyKeys() YIELD propertyKey
  RETURN collect(propertyKey) AS propertyKeys
}
RETURN
  [entry IN data.nodes WHERE entry.label IS NOT NULL | {name: entry.label, count: entry.count}] AS labels,
  [entry IN data.relationships
    WHERE entry.relationshipType IS NOT NULL AND entry.startLabel IS NULL AND entry.endLabel IS NULL
    | {name: entry.relationshipType, count: entry.count}] AS relationshipTypes,
  [entry IN data.nodes WHERE entry.label IS NULL | entry.count][0] AS nodeCount,
  [entry IN data.relationships
    WHERE entry.relationshipType IS NULL AND entry.startLabel IS NULL AND entry.endLabel IS NULL
    | entry.count][0] AS relationshipCount,
  propertyKeys
