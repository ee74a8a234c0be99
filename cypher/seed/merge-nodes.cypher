// One batch of nodes, merged by id under their kind's label; partial dates become Neo4j dates.
UNWIND $rows AS row
MERGE (n:$(row.label) {id: row.id})
SET n += row.properties,
    n.since = date(row.since),
    n.until = date(row.until)
