UNION
MATCH (n:{{label}}) WHERE n.id IN $values RETURN n
