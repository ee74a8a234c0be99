// The relationships from n to its neighbours m, of the types in the slot (nodes/types.cypher) or any.
(n)-[r{{cypher:types}}]->(m)
