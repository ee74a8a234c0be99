// Candidate paths between two nodes: the {{k}} shortest (the shortest first, then the next-shortest) of at
// most {{maxHops}} relationships, never through a relationship of the excluded (provenance) types or
// anything not valid on $asOf. The caller ranks them. With the pattern's own inline predicates, Neo4j
// prunes while it searches instead of filtering finished paths.
MATCH (a) WHERE elementId(a) = $fromElementId
MATCH (b) WHERE elementId(b) = $toElementId
MATCH p = SHORTEST {{k}} (a)
  (()-[r WHERE NOT type(r) IN $excluded AND validAsOf(r)]-(x WHERE NOT x:_EntenteSavedQuery AND nodeValidAsOf(x))){1,{{maxHops}}}
  (b)
RETURN p,
       [n IN nodes(p)[1..-1] | COUNT { (n)--() }] AS degrees,
       [rel IN relationships(p) | dateOf(relationshipStart(rel))] AS starts
