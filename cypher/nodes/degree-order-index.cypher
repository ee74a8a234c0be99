// The index the stored degree order is walked through; its name is how the catalog finds the order's label
// (graph/node-indexes.cypher). Dropped first: an index of that name on another label would otherwise stay.
DROP INDEX entente_degree_order IF EXISTS;
CREATE RANGE INDEX entente_degree_order FOR (n:{{label}}) ON (n.degree);
CALL db.awaitIndexes(300);
