// Drops Entente's own full-text index for search (searchIndexName, search.index.ts), before it is made again.
DROP INDEX {{name:index}} IF EXISTS
