// Every relationship, whatever its dates, between two of an investigation's nodes: what it now holds, to
// name what changed since it was saved. Both ends are matched first so each pair is checked from its
// less-connected side (Expand Into).
MATCH (a) WHERE elementId(a) IN $elementIds
MATCH (b) WHERE elementId(b) IN $elementIds
MATCH (a)-[r]->(b)
RETURN r
LIMIT $limit
