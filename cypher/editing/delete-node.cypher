// Deletes a node and its relationships (the caller kept a copy of each for the history).
MATCH (n) WHERE elementId(n) = $key
DETACH DELETE n
