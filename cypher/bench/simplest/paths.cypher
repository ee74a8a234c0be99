// The simplest equivalent of GET /api/paths: the 10 shortest paths of up to 4 steps, unranked.
MATCH p = SHORTEST 10 (a:BenchNode {id: $from})-[*1..4]-(b:BenchNode {id: $to})
RETURN p
