// A deleted relationship made again between its ends (by elementId), properties on the marker line.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
CREATE (a)-[n:$($type)]->(b)
// @set
RETURN n AS r, a, b
