// The given nodes that are valid as of $asOf (all of them when $asOf is null).
MATCH (a) WHERE elementId(a) IN $elementIds
  AND nodeValidAsOf(a)
RETURN a
