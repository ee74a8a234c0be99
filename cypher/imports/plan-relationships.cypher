// Dry run of one batch of relationships of one type: which are new and which exist (and would change). Rows
// are lists [id, from, to, properties] (ends as elementIds), as in merge-relationships-by-key.cypher.
UNWIND $rows AS fields
WITH {id: fields[0], from: fields[1], to: fields[2], properties: fields[3]} AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
OPTIONAL MATCH (a)-[old:{{name:type}} {id: row.id}]->(b)
WITH row, collect(old) AS found
RETURN size(found) AS matches,
       size(found) > 0 AND any(key IN keys(row.properties) WHERE found[0][key] IS NULL OR found[0][key] <> row.properties[key]) AS changes
