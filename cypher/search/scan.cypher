// Search for databases without a full-text index: every required word must appear in a display property,
// both sides folded by one rule (server/search/lucene.ts fold): lower case; then, for text that is not all
// ASCII ($ascii), NFKD, the combining marks $marks stripped and the letters of $table ([from, to] pairs:
// ł, ø, ß, dotless ı…) replaced. Whole-name and prefix matches rank first.
MATCH (node)
WHERE NOT node:_EntenteSavedQuery
  AND (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
WITH node, reduce(texts = [], key IN $keys |
       texts + CASE WHEN node[key] IS :: STRING NOT NULL THEN [node[key]]
                    WHEN node[key] IS :: LIST<STRING NOT NULL> NOT NULL THEN node[key]
                    ELSE [] END) AS texts
WHERE size(texts) > 0
WITH node, [text IN texts |
       CASE WHEN text =~ $ascii THEN toLower(text)
            ELSE reduce(folded = reduce(stripped = normalize(toLower(text), NFKD), mark IN $marks |
                                          replace(stripped, mark, '')),
                        pair IN $table | replace(folded, pair[0], pair[1])) END
     ] AS folded
WHERE all(term IN $required WHERE any(text IN folded WHERE text CONTAINS term))
WITH node, folded,
     CASE WHEN $phrase IN folded THEN 3.0
          WHEN any(text IN folded WHERE text STARTS WITH $phrase) THEN 2.0
          ELSE 1.0 END AS score
RETURN node, score
ORDER BY score DESC, size(folded[0]) ASC
LIMIT $limit
