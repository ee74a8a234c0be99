DROP INDEX bench_node_id IF EXISTS;
