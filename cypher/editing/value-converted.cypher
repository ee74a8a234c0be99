// An edited value made the stored type by one of Neo4j's own functions (`convert`: date, point, toFloat…).
{{name:convert}}($values[{{int:index}}])
