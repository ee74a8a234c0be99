// How many relationships of each type start at each label and end at each label, from the count store
// (constant time on any graph): Neo4j keeps (:A)-[:T]->() and ()-[:T]->(:B), not both ends at once.
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.relationships AS entry
WITH entry
WHERE entry.relationshipType IS NOT NULL AND (entry.startLabel IS NULL) <> (entry.endLabel IS NULL)
  AND coalesce(entry.startLabel, entry.endLabel) <> '_EntenteSavedQuery' AND entry.count > 0
RETURN entry.relationshipType AS type, entry.startLabel AS from, entry.endLabel AS to, entry.count AS count
