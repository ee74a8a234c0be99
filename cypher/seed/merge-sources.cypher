// One batch of source documents, merged by id.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.properties,
    s.published = date(row.published)
