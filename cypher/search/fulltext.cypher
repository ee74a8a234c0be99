// Full-text search through one node index; more hits are fetched than returned so label filters still fill a page.
CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $fetch}) YIELD node, score
WHERE NOT node:_EntenteSavedQuery
  AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
RETURN node, score
ORDER BY score DESC, size(toString(coalesce(node.name, node.title, ""))) ASC
LIMIT $limit
