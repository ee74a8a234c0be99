// An index on the import tag of an imported label, so that a rollback finds what an import made.
CREATE INDEX IF NOT EXISTS FOR (n:{{name:label}}) ON (n._entente_created_by)
