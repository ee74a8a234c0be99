// One branch of the `indexed` slot of nodes/resolve-ids.cypher: the nodes of one label whose `id` is one of
// $idValues, found through that label's `id` index.
UNION
MATCH (n:{{name:label}}) WHERE n.id IN $idValues RETURN n
