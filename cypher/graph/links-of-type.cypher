// Which labels relationships of one type (`type`, written out so the type's lookup index finds them)
// connect, from the first $sample of them: how many of those joined each pair of labels, and how many were read.
MATCH (a)-[:{{name:type}}]->(b)
WITH a, b LIMIT $sample
WITH collect([labels(a), labels(b)]) AS ends, count(*) AS read
UNWIND ends AS end
UNWIND end[0] AS from
UNWIND end[1] AS to
WITH from, to, read
WHERE from <> '_EntenteSavedQuery' AND to <> '_EntenteSavedQuery'
RETURN from, to, count(*) AS sampled, read
