// The `storedOrder` slot of nodes/neighbours-unfiltered.cypher on a database without a stored degree order.
WITH *, false AS stored
