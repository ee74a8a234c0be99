// The label the stored degree order's index is on, if there is one.
SHOW INDEXES YIELD name, labelsOrTypes
WHERE name = 'entente_degree_order'
RETURN labelsOrTypes[0] AS label
