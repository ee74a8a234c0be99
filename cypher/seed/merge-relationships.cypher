// One batch of relationships, merged by id between nodes found through their id constraints.
UNWIND $rows AS row
MATCH (a:$(row.fromLabel) {id: row.from})
MATCH (b:$(row.toLabel) {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.properties,
    r.since = date(row.since),
    r.until = date(row.until)
