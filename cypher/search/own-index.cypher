// What Entente's own full-text index ($name) covers now, if it exists.
SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties
WHERE name = $name
RETURN labelsOrTypes AS labels, properties AS keys
