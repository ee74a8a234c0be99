// neighbours.cypher without label or date filters: the same page, with no per-relationship predicate to
// evaluate (on a supernode that is most of the cost), and the total read from the node's degrees
// (constant time: no predicate in the COUNT). On a database with a stored degree order, the `storedOrder`
// slot takes nodes/stored-order.cypher and the `page` slot nodes/stored-or-counted.cypher (the page read in
// the stored order, nodes/stored-order-page.cypher, or else counted), which answer a supernode's page without
// counting every neighbour's degree; otherwise they take nodes/not-stored.cypher and nodes/counted-page.cypher,
// and every page is counted. Each branch yields one row exactly when it is taken: its page is collected in a
// subquery of its own.
{{cypher:resolveIds}}
WITH n, COUNT { MATCH {{cypher:expansion}} } AS expansion
{{cypher:storedOrder}}
CALL (*) {
  {{cypher:page}}
}
// The last neighbour's degree, counted now as the next page's query counts it: where a cursor continues.
WITH n, expansion, relationships, neighbours, stored, orderHeld, last(neighbours) AS lastNeighbour
RETURN n, expansion AS total, relationships, neighbours, stored, orderHeld,
       CASE WHEN lastNeighbour IS NULL THEN 0 ELSE COUNT { (lastNeighbour)--() } END AS lastDegree
