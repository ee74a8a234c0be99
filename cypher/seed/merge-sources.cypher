// One batch of source documents, merged by id; the properties (id included) replace the old ones.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.properties
