// One batch of imported relationships of one type between nodes already resolved (elementIds), merged by
// id. A relationship made here is tagged with the import; for one that was there, what it held under each
// key this batch changes is returned (see merge-nodes.cypher). One MERGE per row and no separate look-up
// first: a relationship tagged with this import after the MERGE was made by it (a file's rows have distinct
// ids, so no earlier row of this import made it).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MERGE (a)-[r:{{name:type}} {id: row.id}]->(b)
  ON CREATE SET r._entente_created_by = $import
WITH r, row, coalesce(r._entente_created_by = $import, false) AS created
WITH r, row, created,
     CASE WHEN created THEN [] ELSE
       [key IN keys(row.properties) WHERE r[key] IS NULL OR r[key] <> row.properties[key] | [key, r[key]]]
     END AS changed
SET r += row.properties
WITH r, created, changed
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND size(changed) > 0 THEN 1 ELSE 0 END) AS updated,
       collect(CASE WHEN NOT created AND size(changed) > 0 THEN {element: elementId(r), before: changed, addedLabels: []} END) AS changes
