// One item of nodes/degrees.cypher's list: the node's relationships of one type, out and in.
[COUNT { (n)-[:{{name:type}}]->() }, COUNT { (n)<-[:{{name:type}}]-() }]
