// Whether every relationship of the label's nodes ends at a node of the label: the stored degree order
// walks only the label's nodes, so a neighbour outside it would be missing from its pages. (Comments never
// name the label's slot: a name holding a line break would end the comment.)
RETURN NOT EXISTS { MATCH (:{{name:label}})--(outside) WHERE NOT outside:{{name:label}} } AS closed
