// Online full-text indexes over nodes, which search can use.
SHOW FULLTEXT INDEXES YIELD name, entityType, state
WHERE entityType = 'NODE' AND state = 'ONLINE'
RETURN collect(name) AS names
