// One batch of nodes of one kind, merged by id; {{label}} is the kind (written out so that the MERGE
// seeks the kind's id constraint instead of scanning). Partial dates become Neo4j dates.
UNWIND $rows AS row
MERGE (n:{{label}} {id: row.id})
SET n += row.properties,
    n.since = date(row.since),
    n.until = date(row.until)
