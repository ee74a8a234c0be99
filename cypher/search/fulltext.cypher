// Full-text search through one node index; more hits are fetched than returned so label filters still fill a page.
// A node whose name is exactly what was typed ($phrase: the words, lower case) comes first: Lucene scores a longer
// name that repeats the word in its aliases above it ("ChatGPT users" above "ChatGPT").
CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $fetch}) YIELD node, score
WHERE NOT node:_EntenteSavedQuery
  AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
RETURN node, score
ORDER BY toLower(toString(coalesce(node.name, node.title, ""))) = $phrase DESC, score DESC,
         size(toString(coalesce(node.name, node.title, ""))) ASC
LIMIT $limit
