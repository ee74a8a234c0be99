// One item of nodes/degrees.cypher's list: the node's relationships of one type, out, in, and its self-loops
// (counted in both of the others); the loops are walked only when the node has the type both ways.
[COUNT { (n)-[:{{name:type}}]->() }, COUNT { (n)<-[:{{name:type}}]-() },
 CASE WHEN COUNT { (n)-[:{{name:type}}]->() } > 0 AND COUNT { (n)<-[:{{name:type}}]-() } > 0
   THEN COUNT { (n)-[:{{name:type}}]->(n) } ELSE 0 END]
