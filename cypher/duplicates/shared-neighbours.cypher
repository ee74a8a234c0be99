// Pairs of nodes with a label in common and many neighbours in common, provenance links ($excluded) aside.
// Hubs (more than $hub relationships) are not walked through: every pair of their neighbours would be one.
MATCH (a)-[r1]-(x)-[r2]-(b)
WHERE elementId(a) < elementId(b) AND a <> x AND b <> x
  AND NOT type(r1) IN $excluded AND NOT type(r2) IN $excluded
  AND COUNT { (x)--() } <= $hub
  AND any(label IN labels(a) WHERE label IN labels(b))
  AND NOT a:_EntenteSavedQuery AND NOT b:_EntenteSavedQuery
WITH a, b, count(DISTINCT x) AS shared
WHERE shared >= $minimum
WITH a, b, shared,
  COUNT { MATCH (a)-[r]-(y) WHERE NOT type(r) IN $excluded AND y <> b } AS degreeA,
  COUNT { MATCH (b)-[r]-(y) WHERE NOT type(r) IN $excluded AND y <> a } AS degreeB
WHERE shared * 10 >= 6 * CASE WHEN degreeA < degreeB THEN degreeA ELSE degreeB END
RETURN a, b, shared
ORDER BY shared DESC
LIMIT $limit
