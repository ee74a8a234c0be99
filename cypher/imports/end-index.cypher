// Whether an online RANGE index serves `$label`'s `$key` (a uniqueness constraint's own index included): then
// relationship ends named by it are found in the write itself (imports/merge-relationships-by-key.cypher),
// one index seek per row; otherwise each value is looked up once (imports/resolve-ends.cypher) and remembered.
SHOW INDEXES YIELD labelsOrTypes, properties, entityType, state, type
WHERE entityType = 'NODE' AND state = 'ONLINE' AND type = 'RANGE' AND labelsOrTypes = [$label] AND properties[0] = $key
RETURN count(*) > 0 AS indexed
