// Whether a node already has this `id` (a new node's id must name it alone).
RETURN EXISTS { MATCH (n) WHERE n.id = $id } AS taken
