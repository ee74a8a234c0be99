// How many relationships of `type` the graph holds (read from Neo4j's count store, at once): a dry run plans
// no batch of a type that has none, since each of its rows would be created.
MATCH ()-[r:{{name:type}}]->()
RETURN count(r) AS count
