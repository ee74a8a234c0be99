// Entente's own full-text index for search, over every label the database has (`labels`: A|B|…) and the
// display keys it has (`keys`: one search/index-key.cypher each), with an
// accent-folding analyzer. The lists are the database's own, of any length, each name escaped.
CREATE FULLTEXT INDEX {{name:index}} IF NOT EXISTS
FOR (n:{{name:labels}})
ON EACH [{{list:keys}}]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding' } }
