// Whether the stored degree order's index ($index), if there is one, is the one `$label` needs (a RANGE index
// on its _entente_degree); no row when there is none.
SHOW INDEXES YIELD name, labelsOrTypes, properties, type
WHERE name = $index
RETURN labelsOrTypes = [$label] AND properties = ['_entente_degree'] AND type = 'RANGE' AS fits
