// Every relationship of the database, with the `id` properties of its ends (for their API ids, which also
// need the ends' elementIds, carried by the relationship) and, when $dated, the day it began and ended.
MATCH (a)-[r]->(b)
WHERE NOT a:_EntenteSavedQuery AND NOT b:_EntenteSavedQuery
RETURN r, a.id AS sourceId, b.id AS targetId,
       CASE WHEN $dated THEN dateOf(relationshipStart(r)) END AS since,
       CASE WHEN $dated THEN dateOf(relationshipEnd(r)) END AS until
