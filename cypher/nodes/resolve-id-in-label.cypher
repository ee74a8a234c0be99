UNION
MATCH (n:{{label}} {id: key}) RETURN n
