// Rolls back what an import changed on nodes that were there before it: each key back to what it held
// (a null removes a key the import added), and the labels it added removed.
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.element
SET n += row.before
REMOVE n:$(row.addedLabels)
RETURN count(n) AS restored
