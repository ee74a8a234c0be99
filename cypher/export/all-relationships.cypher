// Every relationship of the database, with the `id` properties of its ends (for their API ids, which also
// need the ends' elementIds, carried by the relationship) and the day it began and ended.
MATCH (a)-[r]->(b)
WHERE NOT a:_EntenteSavedQuery AND NOT b:_EntenteSavedQuery
RETURN r, a.id AS sourceId, b.id AS targetId,
       dateOf(relationshipStart(r)) AS since, dateOf(relationshipEnd(r)) AS until
