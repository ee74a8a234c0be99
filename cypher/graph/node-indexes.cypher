// The online node indexes routes plan with: labels whose `id` property is indexed (a lookup by id names them
// to seek the index), and the label of the stored degree order the loaders write (nodes/degree-order.ts),
// if the database has one ($degreeOrderIndex: its index's name).
SHOW INDEXES YIELD name, labelsOrTypes, properties, entityType, state, type
WHERE entityType = 'NODE' AND state = 'ONLINE'
RETURN
  collect(DISTINCT CASE WHEN properties = ['id'] AND type IN ['RANGE', 'TEXT'] THEN labelsOrTypes[0] END) AS labels,
  head(collect(CASE
    WHEN name = $degreeOrderIndex AND type = 'RANGE' AND properties = ['_entente_degree'] THEN labelsOrTypes[0]
  END)) AS degreeOrderLabel
