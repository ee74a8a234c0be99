// The benchmark graph lives under labels of its own; BenchNode(id) is what lookups by id seek.
CREATE INDEX bench_node_id IF NOT EXISTS FOR (n:BenchNode) ON (n.id);
CALL db.awaitIndexes(300);
