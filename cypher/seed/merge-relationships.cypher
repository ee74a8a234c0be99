// One batch of relationships between nodes of two kinds, merged by id; the kinds are written out so that
// both ends are found through their id constraints.
UNWIND $rows AS row
MATCH (a:{{fromLabel}} {id: row.from})
MATCH (b:{{toLabel}} {id: row.to})
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
SET r += row.properties,
    r.since = date(row.since),
    r.until = date(row.until)
