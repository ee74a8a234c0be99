// A deleted node made again with its labels and properties (the marker line: one SET per property).
CREATE (n:$($labels))
// @set
RETURN n
