// Every relationship whose two ends are among the given nodes ($elementIds). Both ends matched first, so
// each pair is checked from its less-connected side.
MATCH (a) WHERE elementId(a) IN $elementIds
MATCH (b) WHERE elementId(b) IN $elementIds
MATCH (a)-[r]->(b)
RETURN r, a.id AS sourceId, b.id AS targetId,
       CASE WHEN $dated THEN dateOf(relationshipStart(r)) END AS since,
       CASE WHEN $dated THEN dateOf(relationshipEnd(r)) END AS until
