// A node's number of relationships per type and direction, and its self-loops per type. The `perType`
// slot takes one entry per relationship type of the database (nodes/degree-of-type.cypher): with the type
// written out, Neo4j reads the degree from the node's relationship groups in constant time, even for
// 100,000 neighbours.
{{cypher:resolveIds}}
RETURN [
  {{list:perType}}
] AS degrees
