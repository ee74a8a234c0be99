// A deleted relationship made again between its ends (by elementId), properties in the `set` slot.
MATCH (a) WHERE elementId(a) = $from
MATCH (b) WHERE elementId(b) = $to
CREATE (a)-[n:$($type)]->(b)
{{cypher:set}}
RETURN n AS r, a, b
