// The simplest equivalent of GET /api/search: the full-text index, as a user would query it.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
RETURN node, score LIMIT 10
