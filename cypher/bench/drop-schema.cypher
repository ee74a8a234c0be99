DROP INDEX bench_node_id IF EXISTS;
DROP INDEX {{name:degreeOrderIndex}} IF EXISTS;
