UNION
MATCH (n:{{label}}) WHERE n.id IN $idValues RETURN n
