// A deleted node made again with its labels and properties (the `set` slot: one SET per property).
CREATE (n:$($labels))
{{cypher:set}}
RETURN n
