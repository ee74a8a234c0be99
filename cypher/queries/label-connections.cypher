// name: How two labels connect
// description: The relationship types between nodes of two labels, in each direction, with counts and a few examples.
// parameters:
//   - { name: from, type: label, description: 'First label' }
//   - { name: to, type: label, description: 'Second label' }
MATCH (a)-[r]->(b)
WHERE ($from IN labels(a) AND $to IN labels(b)) OR ($to IN labels(a) AND $from IN labels(b))
WITH type(r) AS relationship,
     CASE WHEN $from IN labels(a) THEN $from + ' → ' + $to ELSE $to + ' → ' + $from END AS direction,
     count(*) AS count, collect(r)[..5] AS examples
RETURN relationship, direction, count, examples
ORDER BY count DESC
