// One batch of imported relationships of one type between nodes already resolved (elementIds), merged by
// id. A relationship made here is tagged with the import; for one that was there, what it held under each
// key this batch changes is returned (see merge-nodes.cypher).
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
OPTIONAL MATCH (a)-[old:{{name:type}} {id: row.id}]->(b)
WITH row, a, b, old,
     CASE WHEN old IS NULL THEN [] ELSE
       [key IN keys(row.properties) WHERE old[key] IS NULL OR old[key] <> row.properties[key] | [key, old[key]]]
     END AS changed
MERGE (a)-[r:{{name:type}} {id: row.id}]->(b)
  ON CREATE SET r._entente_created_by = $import
SET r += row.properties
WITH r, old IS NULL AS created, changed
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND size(changed) > 0 THEN 1 ELSE 0 END) AS updated,
       collect(CASE WHEN NOT created AND size(changed) > 0 THEN {element: elementId(r), before: changed, addedLabels: []} END) AS changes
