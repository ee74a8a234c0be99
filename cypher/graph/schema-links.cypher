// Which label connects to which by which relationship type, read from a bounded sample of the graph's
// relationships (the first $sample), so that an overview costs the same on any size of graph.
MATCH (a)-[r]->(b)
WITH a, r, b LIMIT $sample
UNWIND labels(a) AS from
UNWIND labels(b) AS to
WITH from, type(r) AS type, to
WHERE from <> '_EntenteSavedQuery' AND to <> '_EntenteSavedQuery'
RETURN from, type, to, count(*) AS sampled
ORDER BY sampled DESC, from, type, to
