// relationshipEnd(relationship): the property that says when it ended (exclusive): `until`, unless $dating
// dates its type, then the end that names (none: an instant or an open end).
CASE
  WHEN $dating[type(item)] IS NULL THEN item.until
  WHEN $dating[type(item)].end IS NULL THEN null
  ELSE item[$dating[type(item)].end]
END
