// What the default dataset's full-text index (entity_search) covers now, if it exists: schema.ts drops it
// when constraints.cypher names a label or key it lacks, so that the CREATE ... IF NOT EXISTS there makes it anew.
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties
WHERE name = 'entity_search'
RETURN labelsOrTypes AS labels, properties AS keys
