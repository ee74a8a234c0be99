// An edited list whose items are made the stored type by one of Neo4j's own functions (`convert`).
[item IN $values[{{int:index}}] | {{name:convert}}(item)]
