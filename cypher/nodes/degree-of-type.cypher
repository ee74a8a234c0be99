[COUNT { (n)-[:{{type}}]->() }, COUNT { (n)<-[:{{type}}]-() }, COUNT { (n)-[:{{type}}]->(n) }]
