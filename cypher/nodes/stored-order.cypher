// Whether n's page is read in the stored degree order (nodes/degree-order.ts) rather than counted: n has
// its degree stored and unchanged; the database holds as many relationships, and the label as many nodes,
// as when the order was stored (a write since that adds or removes either makes every page counted again);
// and the walk down the order is expected cheaper than counting: about (skip + limit) × nodes in the
// order ÷ n's relationships nodes are walked, and one costs about $walkCost counted relationships
// (nodes.queries.ts).
CALL () { MATCH ()-[any]->() RETURN count(any) AS relationshipsInGraph }
CALL () { MATCH (ordered:{{name:label}}) RETURN count(ordered) AS inOrder }
WITH n, expansion, coalesce(
  n:{{name:label}} AND n._entente_degree = COUNT { (n)--() }
    AND n._entente_degreeStamp = [relationshipsInGraph, inOrder]
    AND ($skip + $limit) * inOrder * $walkCost <= expansion * expansion,
  false
) AS stored
