// Whether every relationship of a {{label}} node ends at a {{label}} node: the stored degree order walks
// only {{label}} nodes, so a neighbour outside the label would be missing from its pages.
RETURN NOT EXISTS { MATCH (:{{label}})--(outside) WHERE NOT outside:{{label}} } AS closed
