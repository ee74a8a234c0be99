// One batch of dated benchmark relationships between nodes found through the BenchNode(id) index.
UNWIND $rows AS row
MATCH (a:BenchNode {id: row.from})
MATCH (b:BenchNode {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r.since = date(row.since), r.until = date(row.until), r.amountUsd = row.amountUsd
