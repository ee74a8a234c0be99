UNION
MATCH (n:{{name:label}}) WHERE n.id IN $idValues RETURN n
