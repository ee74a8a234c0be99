// nodeEnd(node): `until`, or the end property $dating names for the first of its labels it dates (none:
// an instant or an open end).
CASE
  WHEN head([label IN labels(item) WHERE $dating[label] IS NOT NULL]) IS NULL THEN item.until
  WHEN $dating[head([label IN labels(item) WHERE $dating[label] IS NOT NULL])].end IS NULL THEN null
  ELSE item[$dating[head([label IN labels(item) WHERE $dating[label] IS NOT NULL])].end]
END
