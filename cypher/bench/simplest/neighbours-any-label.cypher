// The same read on the default dataset, as the issue measured it (no label: that graph is small).
MATCH (n {id: $id})-[r]-(m)
RETURN n, r, m LIMIT 50
