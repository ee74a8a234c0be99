// The database's own lists of labels, relationship types and property keys, with counts read from the
// count store (constant time, whatever the size of the graph).
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
WITH data
CALL db.propertyKeys() YIELD propertyKey
WITH data, collect(propertyKey) AS propertyKeys
RETURN
  [entry IN data.nodes WHERE entry.label IS NOT NULL | {name: entry.label, count: entry.count}] AS labels,
  [entry IN data.relationships
    WHERE entry.relationshipType IS NOT NULL AND entry.startLabel IS NULL AND entry.endLabel IS NULL
    | {name: entry.relationshipType, count: entry.count}] AS relationshipTypes,
  propertyKeys
