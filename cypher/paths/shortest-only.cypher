// The fallback of ranked.cypher when its search for the next-shortest paths runs out of time (Neo4j 5.26's
// SHORTEST k searches from one end: past a node with 100,000 relationships it took over 15 s on the benchmark
// graph). Only the shortest paths, by the classic search that grows from both ends at once (0.05-0.5 s there),
// at most `k`, with the same rules on every step; one row, shaped as ranked.cypher's.
{{cypher:resolveIds}}
WITH collect([key, n]) AS found
WITH [pair IN found WHERE pair[0] = $from | pair[1]][0] AS a, [pair IN found WHERE pair[0] = $to | pair[1]][0] AS b
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH p = allShortestPaths((a)-[steps*1..{{int:maxHops}}]-(b))
  WHERE all(r IN steps WHERE NOT type(r) IN $excluded AND validAsOf(r))
    AND all(x IN nodes(p)[1..] WHERE NOT x:_EntenteSavedQuery AND nodeValidAsOf(x))
  WITH p LIMIT {{int:k}}
  RETURN collect({
    p: p,
    degrees: [n IN nodes(p)[1..-1] | COUNT { (n)--() }],
    starts: [rel IN relationships(p) | dateOf(relationshipStart(rel))]
  }) AS paths
}
RETURN a, b, paths
