// One batch of nodes of one kind, merged by id; the label slot is the kind (written out so that the MERGE
// seeks the kind's id constraint instead of scanning). The properties (dates already Neo4j dates, id
// included) replace the node's, so a field removed from the files is removed from the graph.
UNWIND $rows AS row
MERGE (n:{{name:label}} {id: row.id})
SET n = row.properties
