// The given nodes ($elementIds), with the day each began and ended.
MATCH (n)
WHERE elementId(n) IN $elementIds
RETURN n,
       CASE WHEN $dated THEN dateOf(nodeStart(n)) END AS since,
       CASE WHEN $dated THEN dateOf(nodeEnd(n)) END AS until
