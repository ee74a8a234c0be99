// Waits (at most 300 s) until every index is online.
CALL db.awaitIndexes(300)
