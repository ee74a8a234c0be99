// The index the stored degree order is walked through; its name is how the catalog finds the order's label
// (graph/node-indexes.cypher). degree-order.ts first drops one of that name that is not this one, and then
// waits for it (nodes/await-indexes.cypher).
CREATE RANGE INDEX {{name:index}} IF NOT EXISTS FOR (n:{{name:label}}) ON (n._entente_degree)
