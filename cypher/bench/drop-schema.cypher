DROP INDEX bench_node_id IF EXISTS;
DROP INDEX entente_degree_order IF EXISTS;
