// The given nodes that are valid as of $asOf (all of them when $asOf is null).
MATCH (a) WHERE elementId(a) IN $elementIds
  AND ($asOf IS NULL OR (coalesce(a.since <= $asOf, true) AND coalesce(a.until > $asOf, true)))
RETURN a
