// A page of nodes/neighbours-unfiltered.cypher counted: every neighbour's degree is counted and sorted.
  WITH n WHERE NOT stored
  CALL (n) {
    MATCH {{cypher:expansion}}
    WITH r, m, COUNT { (m)--() } AS degree
    ORDER BY degree DESC, elementId(r)
    SKIP $skip
    LIMIT $limit
    RETURN collect(r) AS relationships, collect(m) AS neighbours
  }
  RETURN relationships, neighbours, true AS orderHeld
