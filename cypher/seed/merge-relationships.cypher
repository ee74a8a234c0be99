// One batch of relationships between nodes of two kinds, merged by id; the kinds are written out so that
// both ends are found through their id constraints. The properties (id included) replace the old ones.
UNWIND $rows AS row
MATCH (a:{{name:fromLabel}} {id: row.from})
MATCH (b:{{name:toLabel}} {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r = row.properties
