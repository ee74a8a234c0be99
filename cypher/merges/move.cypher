// Moves relationships of the merged node to the kept node: each a copy of the old one (same type, same
// properties, ids included) between the new ends (elementIds); the old ones go with the merged node.
UNWIND $moves AS move
MATCH (a) WHERE elementId(a) = move.from
MATCH (b) WHERE elementId(b) = move.to
MATCH ()-[old]->() WHERE elementId(old) = move.old
CREATE (a)-[n:$(type(old))]->(b)
SET n = properties(old)
RETURN move.old AS old, elementId(n) AS made
