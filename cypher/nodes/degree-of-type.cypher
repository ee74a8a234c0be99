[COUNT { (n)-[:{{type}}]->() }, COUNT { (n)<-[:{{type}}]-() }]
