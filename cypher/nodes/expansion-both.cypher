// The relationships between n and its neighbours m either way, of the types in the slot (nodes/types.cypher)
// or any.
(n)-[r{{cypher:types}}]-(m)
