// Every relationship whose two ends are among the given nodes ($elementIds). Both ends matched first, so
// each pair is checked from its less-connected side.
MATCH (a) WHERE elementId(a) IN $elementIds
MATCH (b) WHERE elementId(b) IN $elementIds
MATCH (a)-[r]->(b)
RETURN r, a.id AS sourceId, b.id AS targetId,
       dateOf(relationshipStart(r)) AS since, dateOf(relationshipEnd(r)) AS until
