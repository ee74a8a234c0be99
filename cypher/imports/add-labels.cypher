// The labels a merged node gets besides its first (imports/merge-nodes.cypher): `A:B:…`.
SET n:{{name:labels}}
