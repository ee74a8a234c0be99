// The index the stored degree order is walked through; its name is how the catalog finds the order's label
// (graph/node-indexes.cypher). degree-order.ts first drops one of that name that is not this one.
CREATE RANGE INDEX entente_degree_order IF NOT EXISTS FOR (n:{{label}}) ON (n._entente_degree);
CALL db.awaitIndexes(300);
