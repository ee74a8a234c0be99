// An index on the id of an imported label, so that merging and matching by id seek it.
CREATE INDEX IF NOT EXISTS FOR (n:{{name:label}}) ON (n.id)
