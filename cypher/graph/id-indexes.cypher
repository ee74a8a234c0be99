// Labels whose `id` property is indexed (online), so a lookup by id can name them and seek the index.
SHOW INDEXES YIELD labelsOrTypes, properties, entityType, state, type
WHERE entityType = 'NODE' AND properties = ['id'] AND state = 'ONLINE' AND type IN ['RANGE', 'TEXT']
RETURN collect(DISTINCT labelsOrTypes[0]) AS labels
