// One batch of imported relationships of one type whose ends are named by a key of a label that an index
// serves (as LOAD CSV does: each end found by an index seek, in the write itself, with no read before it).
// A row whose from or to names no node, or several, is not written: it comes back in `rejected`, with how
// many nodes each end matched and up to three of them. The rest is merge-relationships.cypher: merged by id,
// tagged with the import when made here, and what it held before returned when it was there. `ends`: the
// elementIds of the written rows' ends, when $cite (the batch links its facts to sources). Each row is a list
// [id, from, to, properties], not a map: half the strings to send per row (the driver packs each one apart).
UNWIND $rows AS fields
WITH {id: fields[0], from: fields[1], to: fields[2], properties: fields[3]} AS row
WITH row,
     COLLECT { MATCH (a:{{name:fromLabel}}) WHERE a.{{name:fromKey}} = row.from RETURN a } AS froms,
     COLLECT { MATCH (b:{{name:toLabel}}) WHERE b.{{name:toKey}} = row.to RETURN b } AS tos
OPTIONAL CALL (row, froms, tos) {
  WITH row, froms[0] AS a, tos[0] AS b
  WHERE size(froms) = 1 AND size(tos) = 1
  MERGE (a)-[r:{{name:type}} {id: row.id}]->(b)
    ON CREATE SET r._entente_created_by = $import
  WITH a, b, r, row, coalesce(r._entente_created_by = $import, false) AS created
  WITH a, b, r, row, created,
       CASE WHEN created THEN [] ELSE
         [key IN keys(row.properties) WHERE r[key] IS NULL OR r[key] <> row.properties[key] | [key, r[key]]]
       END AS changed
  SET r += row.properties
  RETURN r, created, changed, CASE WHEN $cite THEN [row.id, elementId(a), elementId(b)] END AS ends
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND size(changed) > 0 THEN 1 ELSE 0 END) AS updated,
       collect(CASE WHEN NOT created AND size(changed) > 0 THEN {element: elementId(r), before: changed, addedLabels: []} END) AS changes,
       collect(ends) AS ends,
       collect(CASE WHEN r IS NULL THEN {
         id: row.id,
         from: size(froms), fromCandidates: [n IN froms[..3] | elementId(n)],
         to: size(tos), toCandidates: [n IN tos[..3] | elementId(n)]
       } END) AS rejected
