// The default dataset's full-text index, dropped when it no longer covers what constraints.cypher asks for.
DROP INDEX entity_search IF EXISTS
