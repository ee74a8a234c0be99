// Search for databases without a full-text index: every word must appear in a display property.
MATCH (node)
WHERE NOT node:_EntenteSavedQuery
  AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
WITH node, [key IN ['name', 'title', 'caption', 'label', 'id'] WHERE node[key] IS NOT NULL
            | toLower(toString(node[key]))] AS texts
WHERE all(term IN $terms WHERE any(text IN texts WHERE text CONTAINS term))
RETURN node, 1.0 AS score
LIMIT $limit
