// Undoing a merge: each moved relationship goes back to its old ends, a copy of what it is now (the same
// properties it had), and the copy on the kept node is removed.
UNWIND $moves AS move
MATCH (a) WHERE elementId(a) = move.from
MATCH (b) WHERE elementId(b) = move.to
MATCH ()-[made]->() WHERE elementId(made) = move.made
CREATE (a)-[n:$(type(made))]->(b)
SET n = properties(made)
DELETE made
RETURN move.made AS made, elementId(n) AS restored
