MATCH (n:BenchNode)
WITH n LIMIT $batch
DELETE n
RETURN count(*) AS deleted
