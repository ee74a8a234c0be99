// Dry run of one batch of nodes sharing their first label: which ids are new, which match one node (and
// would change it) and which match several (ambiguous).
UNWIND $rows AS row
OPTIONAL MATCH (old:{{name:label}} {id: row.id})
WITH row, collect(old) AS found
RETURN row.line AS line, row.id AS id, size(found) AS matches,
       size(found) = 1 AND (any(key IN keys(row.properties) WHERE found[0][key] IS NULL OR found[0][key] <> row.properties[key])
         OR any(label IN $labels WHERE NOT label IN labels(found[0]))) AS changes
