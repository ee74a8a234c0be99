// One batch of imported nodes that share their labels, merged by id (the label slot is the first label, so
// the MERGE seeks its index; the labels slot, imports/add-labels.cypher, sets the others). A node made here is
// tagged with the import; for a node that was there, what it held under each key this batch changes (null:
// nothing) and the labels it gains are returned, so that rolling the import back restores exactly what was there.
UNWIND $rows AS row
OPTIONAL MATCH (old:{{name:label}} {id: row.id})
WITH row, old,
     CASE WHEN old IS NULL THEN [] ELSE
       [key IN keys(row.properties) WHERE old[key] IS NULL OR old[key] <> row.properties[key] | [key, old[key]]]
     END AS changed,
     CASE WHEN old IS NULL THEN [] ELSE [label IN $labels WHERE NOT label IN labels(old)] END AS addedLabels
MERGE (n:{{name:label}} {id: row.id})
  ON CREATE SET n._entente_created_by = $import
SET n += row.properties
{{cypher:labels}}
WITH n, old IS NULL AS created, changed, addedLabels
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND (size(changed) > 0 OR size(addedLabels) > 0) THEN 1 ELSE 0 END) AS updated,
       collect(CASE WHEN NOT created AND (size(changed) > 0 OR size(addedLabels) > 0)
         THEN {element: elementId(n), before: changed, addedLabels: addedLabels} END) AS changes
