// Drops Entente's own full-text index for search (entente_search, searchIndexName), before it is made again.
DROP INDEX entente_search IF EXISTS
