// The given nodes ($elementIds), with the day each began and ended.
MATCH (n)
WHERE elementId(n) IN $elementIds
RETURN n, dateOf(nodeStart(n)) AS since, dateOf(nodeEnd(n)) AS until
