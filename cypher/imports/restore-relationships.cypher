// Rolls back what an import changed on relationships that were there before it (see restore-nodes.cypher).
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.element
SET r += row.before
RETURN count(r) AS restored
