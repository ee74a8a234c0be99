// Candidate paths between the nodes that $from and $to name: the `k` shortest (the shortest first, then
// the next-shortest) of at most `maxHops` relationships, never through a relationship of the excluded
// (provenance) types or anything not valid on $asOf. The caller ranks them. With the pattern's own inline
// predicates, Neo4j prunes while it searches instead of filtering finished paths. Every path is simple: the
// predicate inside the selector's parentheses (a node met twice, or the start met again) is applied before
// the k shortest are chosen, so a walk such as A–B–C–B–D never takes a candidate's place. One row, whatever
// is found: an end no node has is null (the caller answers 404). SHORTEST k grows from one end only: when
// either end has more than $supernode relationships (read from the degree store, no relationship is visited)
// the search is not run and `busy` is true, and the caller asks shortest-only.cypher (from both ends) instead.
{{cypher:resolveIds}}
WITH collect([key, n]) AS found
WITH [pair IN found WHERE pair[0] = $from | pair[1]][0] AS a, [pair IN found WHERE pair[0] = $to | pair[1]][0] AS b
WITH a, b, a IS NOT NULL AND b IS NOT NULL AND (COUNT { (a)--() } > $supernode OR COUNT { (b)--() } > $supernode) AS busy
CALL (a, b, busy) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND NOT busy
  MATCH p = SHORTEST {{int:k}} ((a)
    (()-[r WHERE NOT type(r) IN $excluded AND validAsOf(r)]-(x WHERE NOT x:_EntenteSavedQuery AND nodeValidAsOf(x))){1,{{int:maxHops}}}
    (b) WHERE all(i IN range(0, size(x) - 1) WHERE x[i] <> a AND NOT x[i] IN x[i + 1..]))
  RETURN collect({
    p: p,
    degrees: [n IN nodes(p)[1..-1] | COUNT { (n)--() }],
    starts: [rel IN relationships(p) | dateOf(relationshipStart(rel))]
  }) AS paths
}
RETURN a, b, paths, busy
