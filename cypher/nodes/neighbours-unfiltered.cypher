// neighbours.cypher without label or date filters: the same page, with no per-relationship predicate to
// evaluate (on a supernode that is most of the cost), and the total read from the node's degrees
// (constant time: no predicate in the COUNT). On a database with a stored degree order, the two markers
// become nodes/stored-order.cypher and nodes/stored-order-page.cypher, which answer a supernode's page
// without counting every neighbour's degree; otherwise `stored` is false and every page is counted here.
// Each branch yields one row exactly when it is taken: its page is collected in a subquery of its own.
// @resolve-ids
WITH n, COUNT { MATCH /*expansion*/ } AS expansion
// @stored-order
CALL (*) {
  // @stored-order-page
  WITH n WHERE NOT stored
  CALL (n) {
    MATCH /*expansion*/
    WITH r, m, COUNT { (m)--() } AS degree
    ORDER BY degree DESC, elementId(r)
    SKIP $skip
    LIMIT $limit
    RETURN collect(r) AS relationships, collect(m) AS neighbours
  }
  RETURN relationships, neighbours, true AS orderHeld
}
RETURN n, expansion AS total, relationships, neighbours, stored, orderHeld
