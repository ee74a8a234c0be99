// Dry run of one batch of relationships of one type: which are new and which exist (and would change).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
OPTIONAL MATCH (a)-[old:{{name:type}} {id: row.id}]->(b)
WITH row, collect(old) AS found
RETURN size(found) AS matches,
       size(found) > 0 AND any(key IN keys(row.properties) WHERE found[0][key] IS NULL OR found[0][key] <> row.properties[key]) AS changes
